import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseRuntime, openDatabase, replaceDirectory } from '@flowform/runtime';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverMigrations } from '../database/server-migrations';
import { main } from './main';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const dataDir = mkdtempSync(join(tmpdir(), 'ff-audit-'));

async function cli(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

describe('flowform verify-audit and replay', () => {
  let instanceId: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.FLOWFORM_DATA_DIR = dataDir;
    const open = await openDatabase({ dataDir }, serverMigrations);
    const runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, {
      users: [{ username: 'u1', displayName: text('u') }],
      units: [],
      memberships: [],
      contracts: [],
    });
    await runtime.definitions.publish(
      {
        definition: {
          key: 'tiny',
          name: text('小'),
          description: text('小'),
          caseSchema: { type: 'object', properties: {} },
          starters: { kind: 'users', users: ['u1'] },
          machine: {
            initial: 'a',
            states: {
              a: {
                task: {
                  title: text('做'),
                  assignment: { kind: 'initiator' },
                  outcomes: [{ key: 'ok', label: text('好') }],
                },
                on: { ok: 'b' },
              },
              b: { type: 'final' },
            },
          },
        },
        forms: {},
      },
      'u1',
    );
    instanceId = (await runtime.start({ definitionKey: 'tiny', data: {}, actor: { username: 'u1' } }))
      .instanceId;
    const taskId = (await runtime.snapshot(instanceId))!.tasks[0]!.id;
    await runtime.execute(instanceId, { type: 'complete', taskId, outcome: 'ok' }, { username: 'u1' });
    await open.close();
  }, 60_000);
  afterAll(() => {
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('given an untouched database, when verified and replayed, then both pass', async () => {
    expect(await cli(['verify-audit'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('2 audit row(s) checked, 0 broken'),
    });
    expect(await cli(['replay', '--all'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('1 case(s) replayed, 0 differ'),
    });
  });

  it('given a row changed by the owner with the triggers disabled, when verified, then the broken link is named and exit is 1', async () => {
    const open = await openDatabase({ dataDir }, serverMigrations);
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(open.db);
    await sql`update audit_log set comment = 'rewritten' where instance_id = ${instanceId} and seq = 2`.execute(
      open.db,
    );
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(open.db);
    await open.close();
    const result = await cli(['verify-audit', '--instance', instanceId]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`case ${instanceId}: chain broken at row 2 (hash-mismatch)`);
  });

  it('given bad arguments, when run, then usage and exit 2', async () => {
    expect((await cli(['replay'])).code).toBe(2);
    expect((await cli(['verify-audit', '--bogus'])).code).toBe(2);
  });
});
