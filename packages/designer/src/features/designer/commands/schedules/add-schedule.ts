/** `schedule.add`: a scheduled start at the end of `schedules` (created before `machine` when absent). */
import type { DocHandler } from '../command-map';
import { withoutUndefined } from '../doc-edits';
import { SCHEDULE_ID, schedulesOf, uniqueScheduleId } from './schedule-paths';

export const addSchedule: DocHandler<'schedule.add'> = {
  canExecute: (_doc, { schedule }) =>
    SCHEDULE_ID.test(schedule.id) ? undefined : `'${schedule.id}' is not a valid schedule id`,
  execute(ctx) {
    const { schedule } = ctx.params;
    const id = uniqueScheduleId(ctx.doc, schedule.id);
    if (!ctx.doc.definition.schedules) {
      const at = Object.keys(ctx.doc.definition).indexOf('machine');
      ctx.apply({ op: 'put', path: ['definition', 'schedules'], value: [], ...(at >= 0 ? { at } : {}) });
    }
    const index = schedulesOf(ctx.doc).length;
    ctx.apply({
      op: 'insert',
      path: ['definition', 'schedules', index],
      value: withoutUndefined({ ...schedule, id }),
    });
    ctx.params.created = id;
  },
};
