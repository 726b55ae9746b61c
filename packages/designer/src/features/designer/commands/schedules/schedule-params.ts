/** Params of the commands on the definition's scheduled starts (`schedules`). */
import type { ScheduleDef } from '@flowform/engine/browser';

export interface ScheduleCommands {
  /** A new schedule at the end of the list; its id is made unique and written back to `created`. */
  'schedule.add': { schedule: ScheduleDef; created?: string };
  /** Replaces the schedule `id` (its rule, zone, catch-up, start data, or its id itself). */
  'schedule.set': { id: string; schedule: ScheduleDef };
  /** Removes the schedule `id`; the last one removed takes `schedules` away. */
  'schedule.remove': { id: string };
}
