/**
 * What a schedule's `when` says, parsed: a cron expression (read by `croner`) or one of the named
 * rules the district uses, in English or Chinese. Working-day rules need the calendar to place
 * their fires; cron and weekday rules do not.
 */
import { Cron } from 'croner';

/** A parsed `when`. */
export type ScheduleRule =
  | { kind: 'cron'; pattern: string }
  | { kind: 'firstWorkingDay'; every: 'month' | 'quarter'; hour: number; minute: number }
  | { kind: 'everyWorkingDay'; hour: number; minute: number };

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
};

const TIME = String.raw`(?:\s*(?:at\s+)?(\d{1,2}):(\d{2}))?`;
const WEEKLY = new RegExp(`^(?:every\\s+([a-z]+)|每周([一二三四五六日天]))${TIME}$`, 'i');
const DAILY = new RegExp(`^(?:every\\s+day|每天)${TIME}$`, 'i');
const WORKING_DAILY = new RegExp(`^(?:every\\s+working\\s+day|每个工作日)${TIME}$`, 'i');
const FIRST_WORKING = new RegExp(
  `^(?:first\\s+working\\s+day\\s+of\\s+(?:the|each|every)\\s+(month|quarter)|每(月|季度)第一个工作日)${TIME}$`,
  'i',
);

/** The result of reading `when`: the rule, or why it is not one. */
export type RuleReading = { ok: true; rule: ScheduleRule } | { ok: false; message: string };

function time(h: string | undefined, m: string | undefined, fallback: number): [number, number] | undefined {
  const hour = h === undefined ? fallback : Number(h);
  const minute = m === undefined ? 0 : Number(m);
  return hour <= 23 && minute <= 59 ? [hour, minute] : undefined;
}

/** Reads `when`: a named rule first, else a cron expression (5 or 6 fields). */
export function parseScheduleRule(when: unknown): RuleReading {
  if (typeof when !== 'string' || when.trim() === '') return { ok: false, message: 'when is empty' };
  const text = when.trim().replace(/\s+/g, ' ');
  const badTime = {
    ok: false as const,
    message: `'${text}': the time must be HH:MM between 00:00 and 23:59`,
  };
  const daily = DAILY.exec(text);
  if (daily) {
    const t = time(daily[1], daily[2], 9);
    return t ? { ok: true, rule: { kind: 'cron', pattern: `${t[1]} ${t[0]} * * *` } } : badTime;
  }
  const working = WORKING_DAILY.exec(text);
  if (working) {
    const t = time(working[1], working[2], 9);
    return t ? { ok: true, rule: { kind: 'everyWorkingDay', hour: t[0], minute: t[1] } } : badTime;
  }
  const weekly = WEEKLY.exec(text);
  if (weekly) {
    const day = WEEKDAYS[(weekly[1] ?? weekly[2] ?? '').toLowerCase()];
    if (day === undefined) return { ok: false, message: `'${weekly[1]}' is not a day of the week` };
    const t = time(weekly[3], weekly[4], 9);
    return t ? { ok: true, rule: { kind: 'cron', pattern: `${t[1]} ${t[0]} * * ${day}` } } : badTime;
  }
  const first = FIRST_WORKING.exec(text);
  if (first) {
    const every = first[1]?.toLowerCase() === 'quarter' || first[2] === '季度' ? 'quarter' : 'month';
    const t = time(first[3], first[4], 9);
    return t ? { ok: true, rule: { kind: 'firstWorkingDay', every, hour: t[0], minute: t[1] } } : badTime;
  }
  const fields = text.split(' ').length;
  if (fields < 5 || fields > 6) {
    return { ok: false, message: `'${text}' is neither a named rule nor a cron expression of 5 or 6 fields` };
  }
  try {
    new Cron(text, { paused: true });
    return { ok: true, rule: { kind: 'cron', pattern: text } };
  } catch (error) {
    return { ok: false, message: `'${text}' is not a valid cron expression: ${(error as Error).message}` };
  }
}
