import { sql } from 'kysely';
import type { ServerDb } from '../../database/server-schema';
import { refreshOpenSnapshot } from './open-snapshot';
import { refreshReports } from './report-refresh';

/** Dashboards show figures at most this old: the reports worker refreshes them about this often. */
export const REPORTS_MAX_AGE_MS = 30_000;

/**
 * The time the dashboards' figures were counted, refreshing them first (the incremental summaries,
 * then the open-work snapshot) when the last refresh is older than `maxAgeMs` or later than `now`
 * (a clock set back). A dashboard calls it before reading; the reports worker calls it on a timer,
 * so dashboards rarely pay for a refresh themselves.
 */
export async function freshReports(
  db: ServerDb,
  now: string,
  maxAgeMs = REPORTS_MAX_AGE_MS,
): Promise<string> {
  const row = await db
    .selectFrom('report_watermarks')
    .select('at')
    .where('feed', '=', 'refreshed')
    .executeTakeFirst();
  const at = row ? new Date(row.at).getTime() : undefined;
  const age = at === undefined ? Number.POSITIVE_INFINITY : Date.parse(now) - at;
  if (at !== undefined && age >= 0 && age <= maxAgeMs) return new Date(at).toISOString();
  await refreshReports(db);
  await refreshOpenSnapshot(db, now);
  await sql`insert into report_watermarks (feed, at) values ('refreshed', ${now}::timestamptz)
    on conflict (feed) do update set at = excluded.at`.execute(db);
  return now;
}
