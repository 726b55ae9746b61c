import { pairs } from './batch-rows';
import { slotsOf } from './statement-slot';
import { participantColumns } from './table-columns';
import type { WritePart } from './write-part';
import { arrays, fromSource, guard, names } from './write-sources';

const slots = slotsOf('people', participantColumns);

/** People newly involved in a case ("cases I took part in"); two arrays, as the rows are pairs. */
export const participantRows: WritePart = {
  name: 'people',
  present: (writes) => writes.some((w) => w.change.participants.length > 0),
  cte: (lone) => (db) =>
    db
      .insertInto('participants')
      .columns(names(participantColumns))
      .expression(
        db
          .selectFrom(arrays(slots, participantColumns))
          .select(fromSource(participantColumns))
          .where(guard(lone)),
      )
      .onConflict((oc) => oc.doNothing()),
  bind: (writes, _lone, values) => {
    const { values: users, cases } = pairs(writes, (c) => c.participants);
    values.set(slots.instance_id, cases);
    values.set(slots.username, users);
  },
};
