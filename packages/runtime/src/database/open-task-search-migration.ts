import { type Migration, sql } from 'kysely';

/**
 * The trigram index on `tasks.search` keeps open tasks only: the inbox searches open tasks through
 * it (`inbox-search.ts`, `status = 'open'`), and the done inbox reads its own range
 * (`tasks_done_by`). Every completed task's new row version wrote ~50 trigram entries
 * (~470 B of WAL per command) that no search read. Where pg_trgm is missing (PGlite) there is no
 * such index and nothing to do.
 */
export const openTaskSearchMigration: Record<string, Migration> = {
  '2026_12_04_650_open_task_search': {
    async up(db) {
      await sql`
        do $$ begin
          if exists (select 1 from pg_indexes where indexname = 'tasks_search_trgm') then
            drop index tasks_search_trgm;
            create index tasks_search_trgm on tasks using gin (search gin_trgm_ops) where status = 'open';
          end if;
        end $$;
      `.execute(db);
    },
  },
};
