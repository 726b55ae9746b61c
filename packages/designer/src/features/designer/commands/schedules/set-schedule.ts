/** `schedule.set`: one scheduled start replaced in place (rule, zone, catch-up, start data, id). */
import type { DocHandler } from '../command-map';
import { withoutUndefined } from '../doc-edits';
import { SCHEDULE_ID, scheduleIndex } from './schedule-paths';

export const setSchedule: DocHandler<'schedule.set'> = {
  canExecute(doc, { id, schedule }) {
    if (scheduleIndex(doc, id) < 0) return `No schedule '${id}'`;
    if (!SCHEDULE_ID.test(schedule.id)) return `'${schedule.id}' is not a valid schedule id`;
    return schedule.id !== id && scheduleIndex(doc, schedule.id) >= 0
      ? `Schedule '${schedule.id}' exists`
      : undefined;
  },
  execute(ctx) {
    const { id, schedule } = ctx.params;
    const path = ['definition', 'schedules', scheduleIndex(ctx.doc, id)];
    ctx.apply({ op: 'put', path, value: withoutUndefined(schedule) });
  },
};
