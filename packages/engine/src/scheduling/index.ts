export { CATCH_UP_GRACE_MS, decideFire, type FireDecision, firstFireAfter } from './catch-up';
export { nextFireTimes } from './fire-times';
export { parseScheduleRule, type RuleReading, type ScheduleRule } from './schedule-rule';
export {
  type SchedulePerson,
  scheduleEnvironment,
  scheduleStartData,
  schedulePeople,
} from './schedule-start';
