/** `schedule.remove`: a scheduled start taken away; without any left, `schedules` goes too. */
import type { DocHandler } from '../command-map';
import { scheduleIndex, schedulesOf } from './schedule-paths';

export const removeSchedule: DocHandler<'schedule.remove'> = {
  canExecute: (doc, { id }) => (scheduleIndex(doc, id) < 0 ? `No schedule '${id}'` : undefined),
  execute(ctx) {
    const index = scheduleIndex(ctx.doc, ctx.params.id);
    if (schedulesOf(ctx.doc).length === 1) ctx.apply({ op: 'delete', path: ['definition', 'schedules'] });
    else ctx.apply({ op: 'delete', path: ['definition', 'schedules', index] });
  },
};
