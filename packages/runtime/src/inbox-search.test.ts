import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { openTasksMatching } from './inbox-search';
import { openTestDatabase, testBackends } from './testing/test-database';

/** The expense claim titled by its reason, so the reason is in each task's search text. */
const titled = {
  ...expenseBundle,
  definition: { ...expenseBundle.definition, caseTitle: { 'zh-CN': '{{reason}}', en: '{{reason}}' } },
};

describe.each(testBackends())('inbox search through the trigram index on %s', (backend) => {
  let open: OpenDatabase;
  let repair = '';

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    const runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(titled, 'admin');
    for (const reason of ['修理抽油机', '购买劳保用品', '修理抽油机皮带'])
      await runtime.start({
        definitionKey: 'expense',
        data: { amount: 300, reason, unit: 's1' },
        actor: { username: 'w1' },
      });
    const rows = await open.db
      .selectFrom('tasks')
      .select('id')
      .where('status', '=', 'open')
      .where('search', 'like', '%劳保%')
      .execute();
    repair = rows[0]!.id;
  }, 60_000);
  afterAll(() => open?.close());

  it('given a term few open tasks hold, when searched, then the index answers exactly those (PostgreSQL) or leaves it to the inbox ranges (PGlite, no pg_trgm)', async () => {
    const found = await openTasksMatching(open.db, '%抽油机%');
    if (backend === 'pglite') expect(found).toBeUndefined();
    else {
      expect(found).toHaveLength(2);
      expect(found).not.toContain(repair);
      expect(await openTasksMatching(open.db, '%劳保%')).toEqual([repair]);
    }
  });

  it('given a task completed, when its new row version is written, then the trigram index holds open tasks only (PostgreSQL)', async () => {
    const runtime = new CaseRuntime({ db: open.db });
    const task = await open.db
      .selectFrom('tasks')
      .select(['id', 'instance_id'])
      .where('id', '=', repair)
      .executeTakeFirstOrThrow();
    await runtime.execute(
      task.instance_id,
      { type: 'complete', taskId: task.id, outcome: 'approve', data: { opinion: '同意' } },
      { username: 'sec' },
    );
    const index = await sql<{ indexdef: string }>`
      select indexdef from pg_indexes where indexname = 'tasks_search_trgm'`.execute(open.db);
    if (backend === 'pglite') expect(index.rows).toEqual([]);
    else {
      expect(index.rows[0]!.indexdef).toMatch(/WHERE \(status = 'open'::text\)$/);
      expect(await openTasksMatching(open.db, '%劳保%')).not.toContain(repair);
    }
  });

  it('given more matches than the cap, when searched, then it is left to the inbox ranges', async () => {
    expect(await openTasksMatching(open.db, '%抽油机%', 1)).toBeUndefined();
    expect(await openTasksMatching(open.db, '%没有这个词%', 1)).toEqual(
      backend === 'pglite' ? undefined : [],
    );
  });
});
