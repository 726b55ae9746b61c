/**
 * A search of the "to do" inbox through the trigram index (PostgreSQL with pg_trgm): the open tasks
 * whose search text matches are gathered once, and the inbox keeps those it offers the reader.
 * Each inbox source (own tasks, offered to the user, offered per role held) would otherwise apply
 * the LIKE within its own index range, one trigram scan each: ~22 ms per role at 1M tasks.
 * A term matching more than the cap (a common word) is left to those ranges, where many matches
 * end each scan early. PGlite has no pg_trgm: there the ranges always filter.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './database/db-schema';

/** More open tasks than this matching a search: each inbox source scans its own range instead. */
const SEARCH_MATCH_CAP = 2000;

const trigramIndex = new WeakMap<object, Promise<boolean>>();

/** Whether the database has the trigram index on the tasks' search text (checked once per database). */
function hasTrigramIndex(db: Kysely<Database>): Promise<boolean> {
  let found = trigramIndex.get(db);
  if (!found) {
    found = sql<{
      n: number;
    }>`select count(*)::int as n from pg_indexes where indexname = 'tasks_search_trgm'`
      .execute(db)
      .then((r) => (r.rows[0]?.n ?? 0) > 0);
    trigramIndex.set(db, found);
  }
  return found;
}

/**
 * The ids of the open tasks whose search text contains `like` (already a LIKE pattern), when the
 * trigram index finds at most `cap` of them; undefined when there is no index or more match.
 */
export async function openTasksMatching(
  db: Kysely<Database>,
  like: string,
  cap = SEARCH_MATCH_CAP,
): Promise<string[] | undefined> {
  if (!(await hasTrigramIndex(db))) return undefined;
  const { rows } = await sql<{ id: string }>`
    select t.id from tasks t where t.status = 'open' and t.search like ${like} limit ${cap + 1}`.execute(db);
  return rows.length > cap ? undefined : rows.map((r) => r.id);
}
