import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenDatabase, openDatabase } from './open-database';

describe('PGlite maintenance', () => {
  let open: OpenDatabase | undefined;
  afterEach(async () => {
    await open?.close();
  });

  async function stats(db: OpenDatabase['db']) {
    const { rows } = await sql<{ analyzed: number; vacuumed: number }>`
      select coalesce(analyze_count, 0)::int as analyzed, coalesce(vacuum_count, 0)::int as vacuumed
      from pg_stat_user_tables where relname = 'tasks'`.execute(db);
    return rows[0]!;
  }

  it('given embedded PGlite (no autovacuum), when opened, then its tables are analysed, and vacuumed again on the timer', async () => {
    open = await openDatabase({ memory: true, maintenanceMs: 50 });
    expect((await stats(open.db)).analyzed).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = await stats(open.db);
    expect(later.vacuumed).toBeGreaterThanOrEqual(1);
  });

  it('given a maintenance interval of 0, when time passes, then it analyses once and never vacuums', async () => {
    open = await openDatabase({ memory: true, maintenanceMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stats(open.db)).toEqual({ analyzed: 1, vacuumed: 0 });
  });
});
