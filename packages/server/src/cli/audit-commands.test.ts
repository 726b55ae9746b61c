import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditKey, CaseRuntime, openDatabase, replaceDirectory } from '@flowform/runtime';
import { deleteChain, deleteTailRow, editAndRehash, editRow, loopBundle } from '@flowform/runtime/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_KEY_HEX } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { main } from './main';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const root = mkdtempSync(join(tmpdir(), 'ff-audit-'));
const dataDir = join(root, 'data');
const actor = { username: 'u1' };
const names = ['edited', 'tail', 'gone', 'rehashed', 'untouched', 'older'] as const;

async function cli(args: string[]) {
  const out: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => out.push(t) });
  return { code, out: out.join('\n') };
}

async function withDb(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<unknown>) {
  const open = await openDatabase({ dataDir }, serverMigrations);
  try {
    await run(open.db);
  } finally {
    await open.close();
  }
}

describe('flowform verify-audit, audit-anchor and replay', () => {
  const ids = {} as Record<(typeof names)[number], string>;
  const saved = { ...process.env };

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    process.env.FLOWFORM_DATA_DIR = dataDir;
    process.env.FLOWFORM_AUDIT_KEY = TEST_AUDIT_KEY_HEX;
    await withDb(async (db) => {
      const runtime = new CaseRuntime({ db, auditKey: AuditKey.parse(TEST_AUDIT_KEY_HEX) });
      await replaceDirectory(db, {
        users: [{ username: 'u1', displayName: text('u') }],
        units: [],
        memberships: [],
        contracts: [],
      });
      await runtime.definitions.publish(loopBundle, 'u1');
      for (const name of names) {
        const { instanceId, tasks } = await runtime.start({ definitionKey: 'loop', data: {}, actor });
        const next = await runtime.execute(
          instanceId,
          { type: 'complete', taskId: tasks[0]!, outcome: 'again' },
          actor,
        );
        await runtime.execute(instanceId, { type: 'complete', taskId: next.tasks[0]!, outcome: 'ok' }, actor);
        ids[name] = instanceId;
      }
      // As if written before chain heads existed.
      await sql`delete from audit_heads where instance_id = ${ids.older}`.execute(db);
    });
  }, 120_000);
  afterAll(() => {
    process.env = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it('given an untouched database with one chain older than the heads, when verified with the key, then that head is adopted, everything holds, and replay agrees', async () => {
    const first = await cli(['verify-audit']);
    expect(first.code).toBe(0);
    expect(first.out).toContain('adopted 1 chain(s) written before chain heads existed');
    expect(first.out).toContain('18 audit row(s) checked, 0 broken');
    expect(first.out).toContain('6 chain head(s), 0 checkpoint(s)');
    expect(first.out).toContain('anchors (head and checkpoint MACs) checked with FLOWFORM_AUDIT_KEY');
    expect((await cli(['verify-audit'])).out).not.toContain('adopted');
    expect(await cli(['replay', '--all'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('6 case(s) replayed, 0 differ'),
    });
  });

  it('given a checkpoint written, when the anchor is printed and kept in a file, then verification against it holds', async () => {
    const printed = await cli(['audit-anchor', '--checkpoint']);
    expect(printed.code).toBe(0);
    const anchor = JSON.parse(printed.out);
    expect(anchor).toMatchObject({ seq: 1, chains: 6, keyId: AuditKey.parse(TEST_AUDIT_KEY_HEX).id });
    expect(anchor.digest).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(root, 'anchor.json'), printed.out);
    expect((await cli(['audit-anchor'])).out).toBe(printed.out);
    const checked = await cli(['verify-audit', '--anchor', join(root, 'anchor.json')]);
    expect(checked).toMatchObject({
      code: 0,
      out: expect.stringContaining('1 checkpoint(s), anchor checkpoint 1'),
    });
  });

  it('given an edited row, a deleted tail row, a deleted chain and an edited-and-rehashed chain, when verified, then each case is named with what was done and exit is 1', async () => {
    await withDb(async (db) => {
      await editRow(db, ids.edited, 2);
      await deleteTailRow(db, ids.tail);
      await deleteChain(db, ids.gone);
      await editAndRehash(db, ids.rehashed, 1);
    });
    const result = await cli(['verify-audit', '--anchor', join(root, 'anchor.json')]);
    expect(result.code).toBe(1);
    expect(result.out).toContain(`case ${ids.edited}: chain broken at row 2 (hash-mismatch)`);
    expect(result.out).toContain(
      `case ${ids.tail}: tail-deleted: the chain ends at row 2, but its head saw row 3`,
    );
    expect(result.out).toContain(`case ${ids.gone}: chain-deleted: no audit rows, but checkpoint 1 saw 3`);
    expect(result.out).toContain(`case ${ids.rehashed}: head-mac-invalid`);
    expect(result.out).not.toContain(`case ${ids.untouched}`);
    expect(result.out).not.toContain(`case ${ids.older}`);

    const one = await cli(['verify-audit', '--instance', ids.rehashed]);
    expect(one.code).toBe(1);
    expect(one.out).not.toContain(ids.gone);
  });

  it('given no key, when verified, then the MACs are not checked and it says so, while heads and checkpoints still name the deleted chains', async () => {
    delete process.env.FLOWFORM_AUDIT_KEY;
    try {
      const result = await cli(['verify-audit']);
      expect(result.code).toBe(1);
      expect(result.out).toContain('anchors NOT checked: no audit key');
      expect(result.out).toContain(`case ${ids.tail}: tail-deleted`);
      expect(result.out).toContain(`case ${ids.gone}: chain-deleted`);
      expect(result.out).not.toContain('head-mac-invalid');
    } finally {
      process.env.FLOWFORM_AUDIT_KEY = TEST_AUDIT_KEY_HEX;
    }
  });

  it('given another key, when verified, then the result says the MACs were made with another key', async () => {
    process.env.FLOWFORM_AUDIT_KEY = '5c'.repeat(32);
    try {
      const result = await cli(['verify-audit', '--instance', ids.untouched]);
      expect(result.code).toBe(1);
      // The case's head and the checkpoint listing it.
      expect(result.out).toContain(
        `audit: wrong-key: 2 MAC(s) were made with key ${AuditKey.parse(TEST_AUDIT_KEY_HEX).id}, not with the key given`,
      );
      expect(result.out).not.toContain('mac-invalid');
    } finally {
      process.env.FLOWFORM_AUDIT_KEY = TEST_AUDIT_KEY_HEX;
    }
  });

  it('given the checkpoints deleted, when verified against the kept anchor, then its checkpoint is missing', async () => {
    await withDb((db) => sql`delete from audit_checkpoints`.execute(db));
    const result = await cli([
      'verify-audit',
      '--instance',
      ids.untouched,
      '--anchor',
      join(root, 'anchor.json'),
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('checkpoint 1: anchor-missing');
  });

  it('given bad arguments, when run, then usage and exit 2', async () => {
    expect((await cli(['replay'])).code).toBe(2);
    expect((await cli(['verify-audit', '--bogus'])).code).toBe(2);
    expect(await cli(['verify-audit', '--anchor', '{"seq": 1'])).toMatchObject({
      code: 2,
      out: expect.stringContaining('--anchor: not JSON'),
    });
    expect((await cli(['audit-anchor', 'extra'])).code).toBe(2);
  });
});
