import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnchorFinding, checkAuditAnchors } from './audit-anchor-check';
import { type AuditAnchor, adoptAuditHeads, latestAnchor, writeCheckpoint } from './audit-checkpoint';
import { AuditKey } from './audit-key';
import { CaseRuntime } from './case-runtime';
import type { Database } from './database/db-schema';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import {
  deleteChain,
  deleteTailRow,
  editAndRehash,
  editRow,
  loopBundle,
  TEST_AUDIT_KEY,
} from './testing/audit-tamper';
import { openTestDatabase } from './testing/test-database';

const actor = { username: 'u1' };
const text = (s: string) => ({ 'zh-CN': s, en: s });

/** A case of the loop process with `rows` audit rows. */
async function caseWithRows(runtime: CaseRuntime, rows: number): Promise<string> {
  const { instanceId, tasks } = await runtime.start({ definitionKey: 'loop', data: {}, actor });
  let task = tasks[0]!;
  for (let i = 1; i < rows; i++)
    task = (await runtime.execute(instanceId, { type: 'complete', taskId: task, outcome: 'again' }, actor))
      .tasks[0]!;
  return instanceId;
}

async function openLoopDatabase(key: AuditKey | undefined) {
  const open = await openTestDatabase('pglite');
  const runtime = new CaseRuntime({ db: open.db, ...(key && { auditKey: key }) });
  await replaceDirectory(open.db, {
    users: [{ username: 'u1', displayName: text('u') }],
    units: [],
    memberships: [],
    contracts: [],
  });
  await runtime.definitions.publish(loopBundle, 'u1');
  return { open, runtime };
}

const of = (findings: AnchorFinding[], instanceId: string) =>
  findings.filter((f) => f.instanceId === instanceId).map((f) => f.kind);

describe('anchored audit trail on PGlite', () => {
  let open: OpenDatabase;
  let db: Kysely<Database>;
  let runtime: CaseRuntime;
  const ids: Record<'edited' | 'tail' | 'gone' | 'rehashed' | 'untouched', string> = {} as never;
  let anchor: AuditAnchor;

  beforeAll(async () => {
    ({ open, runtime } = await openLoopDatabase(TEST_AUDIT_KEY));
    db = open.db;
    for (const name of ['edited', 'tail', 'gone', 'rehashed', 'untouched'] as const)
      ids[name] = await caseWithRows(runtime, 3);
    await writeCheckpoint(db, TEST_AUDIT_KEY);
    anchor = (await latestAnchor(db))!;
  }, 120_000);
  afterAll(async () => {
    await open.close();
  });

  it('given commands run with a key, then each case has a MACed head at its last row, and a check finds nothing', async () => {
    const heads = await db.selectFrom('audit_heads').selectAll().orderBy('instance_id').execute();
    expect(heads).toHaveLength(5);
    for (const head of heads) {
      expect(head).toMatchObject({ seq: 3, key_id: TEST_AUDIT_KEY.id, anchored_seq: 3 });
      const last = await db
        .selectFrom('audit_log')
        .select('hash')
        .where('instance_id', '=', head.instance_id)
        .where('seq', '=', 3)
        .executeTakeFirstOrThrow();
      expect(head.hash).toBe(last.hash);
    }
    expect(anchor).toMatchObject({ seq: 1, chains: 5, keyId: TEST_AUDIT_KEY.id });
    const report = await checkAuditAnchors(db, { keys: [TEST_AUDIT_KEY], anchor });
    expect(report).toMatchObject({ checked: 15, broken: [], heads: 5, checkpoints: 1, macsChecked: true });
    expect(report.findings).toEqual([]);
  });

  it('given nothing moved since the last checkpoint, when checkpointed again, then nothing is written', async () => {
    expect(await writeCheckpoint(db, TEST_AUDIT_KEY)).toBeUndefined();
  });

  it('given each kind of tampering, when checked with the key, then each case is named with what was done to it', async () => {
    await editRow(db, ids.edited, 2);
    await deleteTailRow(db, ids.tail);
    await deleteChain(db, ids.gone);
    await editAndRehash(db, ids.rehashed, 1);
    const report = await checkAuditAnchors(db, { keys: [TEST_AUDIT_KEY], anchor });
    expect(report.broken).toEqual([{ instanceId: ids.edited, seq: 2, reason: 'hash-mismatch' }]);
    expect(of(report.findings, ids.edited)).toEqual([]);
    expect(of(report.findings, ids.tail)).toEqual(['tail-deleted', 'chain-shortened']);
    expect(of(report.findings, ids.gone)).toEqual(['chain-deleted']);
    expect(report.findings.find((f) => f.instanceId === ids.gone)).toMatchObject({ checkpoint: 1 });
    expect(of(report.findings, ids.rehashed)).toEqual(['head-mac-invalid', 'chain-rewritten']);
    expect(of(report.findings, ids.untouched)).toEqual([]);
  });

  it('given the same tampering, when checked without a key, then the MACs are not checked but the heads and checkpoint still name the shortened, deleted and rewritten chains', async () => {
    const report = await checkAuditAnchors(db, {});
    expect(report.macsChecked).toBe(false);
    expect(of(report.findings, ids.tail)).toEqual(['tail-deleted', 'chain-shortened']);
    expect(of(report.findings, ids.gone)).toEqual(['chain-deleted']);
    expect(of(report.findings, ids.rehashed)).toEqual(['chain-rewritten']);
  });

  it('given another key, when checked, then the result says wrong key rather than naming every head', async () => {
    const report = await checkAuditAnchors(db, { keys: [AuditKey.generate()] });
    const wrong = report.findings.filter((f) => f.kind === 'wrong-key');
    expect(wrong).toHaveLength(1);
    expect(wrong[0]!.detail).toContain(TEST_AUDIT_KEY.id);
    expect(report.findings.some((f) => f.kind === 'head-mac-invalid')).toBe(false);
  });

  it('given the checkpoints deleted, when checked against the anchor kept outside, then the anchor names its missing checkpoint', async () => {
    await sql`delete from audit_checkpoints`.execute(db);
    const report = await checkAuditAnchors(db, { keys: [TEST_AUDIT_KEY], anchor });
    expect(report.findings.filter((f) => f.kind === 'anchor-missing')).toEqual([
      expect.objectContaining({ checkpoint: 1 }),
    ]);
  });
});

describe('key rotation and the anchor', () => {
  it('given heads MACed under an old key and new commands under a new one, when checked with both, then all hold; with the new alone, the old MACs are reported as another key', async () => {
    const { open, runtime } = await openLoopDatabase(TEST_AUDIT_KEY);
    try {
      const old = await caseWithRows(runtime, 2);
      const next = AuditKey.generate();
      const rotated = new CaseRuntime({ db: open.db, auditKey: next });
      const moved = await caseWithRows(rotated, 2);
      expect((await checkAuditAnchors(open.db, { keys: [next, TEST_AUDIT_KEY] })).findings).toEqual([]);
      const alone = await checkAuditAnchors(open.db, { keys: [next] });
      expect(alone.findings).toEqual([
        expect.objectContaining({ kind: 'wrong-key', detail: expect.stringContaining(TEST_AUDIT_KEY.id) }),
      ]);
      expect(of(alone.findings, old)).toEqual([]);
      expect(of(alone.findings, moved)).toEqual([]);
    } finally {
      await open.close();
    }
  }, 60_000);

  it('given an anchor taken, then a case that moved on and a second checkpoint, when checked against the anchor, then it holds; with a chain removed since, the anchor names it', async () => {
    const { open, runtime } = await openLoopDatabase(TEST_AUDIT_KEY);
    try {
      const a = await caseWithRows(runtime, 2);
      const b = await caseWithRows(runtime, 2);
      const first = (await writeCheckpoint(open.db, TEST_AUDIT_KEY))!;
      const anchor = (await latestAnchor(open.db))!;
      const { listed, ...written } = first;
      expect(listed).toBe(2);
      expect(anchor).toEqual(written);
      const task = (await runtime.snapshot(a))!.tasks[0]!.id;
      await runtime.execute(a, { type: 'complete', taskId: task, outcome: 'ok' }, actor);
      expect(await writeCheckpoint(open.db, TEST_AUDIT_KEY)).toMatchObject({ seq: 2, chains: 2, listed: 1 });
      expect((await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY], anchor })).findings).toEqual([]);

      await deleteChain(open.db, b);
      const report = await checkAuditAnchors(open.db, { anchor });
      expect(report.findings.filter((f) => f.instanceId === b).map((f) => [f.kind, f.detail])).toEqual([
        ['chain-deleted', expect.stringContaining('checkpoint 1')],
      ]);
    } finally {
      await open.close();
    }
  }, 60_000);
});

describe('adoption of a database older than the heads', () => {
  it('given chains written before heads existed, when adopted, then each gets a MACed head, once; a head deleted after that is a finding', async () => {
    const { open, runtime } = await openLoopDatabase(undefined);
    try {
      const a = await caseWithRows(runtime, 2);
      const b = await caseWithRows(runtime, 3);
      await sql`delete from audit_heads`.execute(open.db);
      const before = await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] });
      expect(before).toMatchObject({ adopted: false, heads: 0, findings: [] });

      expect((await adoptAuditHeads(open.db, TEST_AUDIT_KEY))?.sort()).toEqual([a, b].sort());
      expect(await adoptAuditHeads(open.db, TEST_AUDIT_KEY)).toBeUndefined();
      const after = await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] });
      expect(after).toMatchObject({ adopted: true, heads: 2, findings: [] });

      await sql`delete from audit_heads where instance_id = ${a}`.execute(open.db);
      expect(of((await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] })).findings, a)).toEqual([
        'head-missing',
      ]);
    } finally {
      await open.close();
    }
  }, 60_000);

  it('given a runtime without a key, then heads are written unsigned and a check with the key says so', async () => {
    const { open, runtime } = await openLoopDatabase(undefined);
    try {
      const a = await caseWithRows(runtime, 2);
      expect(of((await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] })).findings, a)).toEqual([
        'head-unsigned',
      ]);
    } finally {
      await open.close();
    }
  }, 60_000);
});
