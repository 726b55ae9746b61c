/** The named rules the engine reads, offered as starting points; any cron expression works too. */
export const RULE_PRESETS = [
  'every Friday 17:00',
  'every day 08:30',
  'every working day 09:00',
  'first working day of the month 09:00',
  'first working day of each quarter 09:00',
  '0 17 * * 5',
] as const;

export const DEFAULT_ZONE = 'Asia/Shanghai';
