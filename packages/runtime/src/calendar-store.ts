/**
 * The working-day calendar: mainland China's public holidays and make-up working days (调休) from the
 * `chinese-days` data, with the administrators' days over them (site closures, extra working days,
 * and years the package does not have yet), versioned. The step is handed the result as data.
 */
import { DEFAULT_TIMEZONE, type WorkingCalendar } from '@flowform/engine';
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { Kysely } from 'kysely';
import type { CalendarDay, Database } from './database/db-schema';
import { RuntimeError } from './runtime-error';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** `"Spring Festival,春节,4"` → `春节`. */
const chineseName = (value: string): string => value.split(',')[1] ?? value;

function packageCalendar(): { holidays: Record<string, string>; workdays: Record<string, string> } {
  const data = chineseDays as ChineseDaysData;
  const names = (days: Record<string, string>) =>
    Object.fromEntries(Object.entries(days).map(([date, value]) => [date, chineseName(value)]));
  return { holidays: names(data.holidays), workdays: names(data.workdays) };
}

let base: ReturnType<typeof packageCalendar> | undefined;

/** The last year the `chinese-days` data covers (later years need the administrators' days). */
export function packageCalendarLastYear(): number {
  base ??= packageCalendar();
  return Math.max(...Object.keys(base.holidays).map((d) => Number(d.slice(0, 4))));
}

/** The package's holidays (`off`) and make-up working days (`work`, 调休) of one year, by date. */
export function packageCalendarYear(year: number): CalendarDay[] {
  base ??= packageCalendar();
  const of = (days: Record<string, string>, kind: CalendarDay['kind']) =>
    Object.entries(days)
      .filter(([date]) => date.startsWith(`${year}-`))
      .map(([date, name]): CalendarDay => ({ date, kind, name }));
  return [...of(base.holidays, 'off'), ...of(base.workdays, 'work')].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
}

/** The calendar from the package data and the administrators' days (theirs win on the same date). */
export function buildCalendar(days: readonly CalendarDay[], version: number): WorkingCalendar {
  base ??= packageCalendar();
  const holidays = { ...base.holidays };
  const workdays = { ...base.workdays };
  for (const day of days) {
    delete holidays[day.date];
    delete workdays[day.date];
    if (day.kind === 'off') holidays[day.date] = day.name;
    else workdays[day.date] = day.name;
  }
  return { timezone: DEFAULT_TIMEZONE, holidays, workdays, version };
}

/** The administrators' days of the latest version (version 0: none yet). */
export async function calendarDays(db: Kysely<Database>): Promise<{ version: number; days: CalendarDay[] }> {
  const row = await db
    .selectFrom('calendar_versions')
    .select(['version', 'days'])
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { version: row.version, days: row.days } : { version: 0, days: [] };
}

/** The calendar as of the latest version, or a given one. */
export async function loadCalendar(db: Kysely<Database>, version?: number): Promise<WorkingCalendar> {
  if (version === undefined || version === 0) {
    const latest = version === 0 ? { version: 0, days: [] } : await calendarDays(db);
    return buildCalendar(latest.days, latest.version);
  }
  const row = await db
    .selectFrom('calendar_versions')
    .select('days')
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw new RuntimeError('not-found', `No calendar version ${version}`);
  return buildCalendar(row.days, version);
}

/**
 * Saves the administrators' days (checked by the API contract) as the next version (the row
 * is the change record: who, when, why, what). `expectedVersion` guards against overwriting a version the editor had not seen.
 */
export async function saveCalendarDays(
  db: Kysely<Database>,
  input: { days: readonly CalendarDay[]; changedBy: string; comment?: string; expectedVersion?: number },
): Promise<number> {
  const days = [...input.days]
    .map((d) => ({ date: d.date, kind: d.kind, name: d.name.trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const { version } = await calendarDays(db);
  if (input.expectedVersion !== undefined && input.expectedVersion !== version)
    throw new RuntimeError('conflict', `The calendar is at version ${version}, not ${input.expectedVersion}`);
  try {
    await db
      .insertInto('calendar_versions')
      .values({
        version: version + 1,
        changed_by: input.changedBy,
        comment: input.comment ?? null,
        days: JSON.stringify(days),
      })
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new RuntimeError('conflict', `The calendar changed meanwhile (version ${version + 1} exists)`);
    throw error;
  }
  return version + 1;
}
