import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { rerunMigration } from './database/migrations';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { queryInbox } from './inbox-queries';
import { openTestDatabase, testBackends } from './testing/test-database';

/** The expense claim whose reason only its participants may read. */
const guarded = {
  ...expenseBundle,
  definition: {
    ...expenseBundle.definition,
    fieldVisibility: { reason: { audience: [{ kind: 'participants' as const }] } },
  },
};

describe.each(testBackends())('search leaves out restricted fields on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let instanceId = '';

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(guarded, 'admin');
    instanceId = (
      await runtime.start({
        definitionKey: 'expense',
        data: { amount: 777, reason: '机密事由', unit: 's1' },
        actor: { username: 'w1' },
      })
    ).instanceId;
    const taskId = (await runtime.snapshot(instanceId))!.tasks[0]!.id;
    await runtime.execute(instanceId, { type: 'cc', taskId, users: ['boss2'] }, { username: 'sec' });
  }, 60_000);
  afterAll(() => open?.close());

  const found = async (user: string, scope: 'todo' | 'cc' | 'started', q: string) =>
    (await queryInbox(open.db, await runtime.directoryAt(), { user, scope, q })).items.map(
      (i) => i.instanceId,
    );

  it('given a published definition, then it keeps the fields some viewer may not see', async () => {
    const row = await open.db
      .selectFrom('definitions')
      .select('restricted_fields')
      .where('key', '=', 'expense')
      .executeTakeFirstOrThrow();
    expect(row.restricted_fields).toEqual(['reason']);
  });

  it.each([
    ['sec', 'todo'],
    ['w1', 'started'],
    ['boss2', 'cc'],
  ] as const)(
    'given %s reading %s, when they search a restricted value, then nothing matches; an open value matches',
    async (user, scope) => {
      expect(await found(user, scope, '机密')).toEqual([]);
      expect(await found(user, scope, '777')).toEqual([instanceId]);
    },
  );

  it('given task rows and a definition written before search left restricted fields out, when the migration runs, then their search text is rewritten', async () => {
    await sql`update tasks set search = search || ' 机密事由'`.execute(open.db);
    await sql`update definitions set restricted_fields = null`.execute(open.db);
    expect(await found('sec', 'todo', '机密')).toEqual([instanceId]);

    await rerunMigration(open.db as never, '2026_12_04_660_search_without_restricted');

    expect(await found('sec', 'todo', '机密')).toEqual([]);
    expect(await found('sec', 'todo', '777')).toEqual([instanceId]);
    expect(await found('w1', 'started', '机密')).toEqual([]);
    const row = await open.db.selectFrom('definitions').select('restricted_fields').executeTakeFirstOrThrow();
    expect(row.restricted_fields).toEqual(['reason']);
  });
});
