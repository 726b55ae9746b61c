/**
 * Migration of running cases of a shipped process: v2 of hardship assistance renames a state and
 * inserts one; what-if over 50 running v1 cases at five steps, the mapping proposed, refused while
 * it strands cases, dry-run, applied, and every migrated case finished on v2 with the audit trail
 * verifying and replaying. PGlite, and PostgreSQL when DATABASE_URL is set.
 */
import {
  type CaseSnapshot,
  type Command,
  lintDefinition,
  parseIsoDuration,
  proposeMapping,
  SYSTEM_ACTOR,
  statesOf,
} from '@flowform/engine';
import {
  applyMigration,
  CaseRuntime,
  checkAuditAnchors,
  checkConsistency,
  dryRunMigration,
  type OpenDatabase,
  replaceDirectory,
  replayCases,
  whatIfCases,
} from '@flowform/runtime';
import { openTestDatabase, TEST_AUDIT_KEY, testBackends } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../scenarios/data/hardship-data';
import { demoDirectorySeed, shippedBundles } from '../scenarios/shipped-bundles';
import { hardshipV2 } from './hardship-v2';

const KEY = 'hardship-assistance';
/** Where the 50 cases wait when v2 is published: ten at each of five steps. */
const GROUPS = ['homeVisit', 'branchApproval', 'leaderApproval', 'payment', 'support.waiting'] as const;
type Group = (typeof GROUPS)[number];

describe.each(testBackends())('migrating running hardship cases from v1 to v2 on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let clock = Date.parse('2026-03-02T08:00:00.000Z');
  const cases = new Map<string, Group>();
  const v1 = shippedBundles().get(KEY)!;
  const v2 = hardshipV2(v1);

  async function run(id: string, user: string, command: Command) {
    await runtime.execute(id, command, user === 'system' ? SYSTEM_ACTOR : { username: user });
  }
  async function complete(id: string, user: string, outcome: string, data?: Record<string, unknown>) {
    const snapshot = (await runtime.snapshot(id))!;
    expect(snapshot.tasks).toHaveLength(1);
    await run(id, user, { type: 'complete', taskId: snapshot.tasks[0]!.id, outcome, data });
  }
  /** Moves the virtual clock on and fires every timer that falls due, as the timer worker would. */
  async function advance(duration: string) {
    clock += parseIsoDuration(duration)!;
    for (;;) {
      const due = await open.db
        .selectFrom('timers')
        .select(['id', 'instance_id'])
        .where('due_at', '<=', new Date(clock))
        .orderBy('due_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!due) return;
      await run(due.instance_id, 'system', { type: 'timerFired', timerId: due.id });
    }
  }
  async function snapshotOf(id: string): Promise<CaseSnapshot> {
    return (await runtime.snapshot(id))!;
  }

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({
      db: open.db,
      clock: () => new Date(clock).toISOString(),
      auditKey: TEST_AUDIT_KEY,
    });
    await replaceDirectory(open.db, demoDirectorySeed());
    expect(await runtime.definitions.publish(v1, 'admin')).toMatchObject({ version: 1 });
    for (const [g, group] of GROUPS.entries()) {
      for (let n = 0; n < 10; n++) {
        const id = `hardship-${g}-${n}`;
        const amount = group === 'leaderApproval' ? 5000 : 2000;
        await runtime.start({
          definitionKey: KEY,
          data: h.application({ amountRequested: amount }),
          actor: { username: 'head103' },
          instanceId: id,
        });
        cases.set(id, group);
        if (group === 'homeVisit') continue;
        await complete(id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: amount }));
        if (group === 'branchApproval') continue;
        await complete(id, 'sec1', 'approve', h.approval({ approvedAmount: amount }));
        if (group === 'leaderApproval' || group === 'payment') continue;
        await complete(id, 'biz1', 'paid', h.payment());
      }
      clock += 3_600_000;
    }
    expect(await runtime.definitions.publish(v2, 'admin')).toMatchObject({ version: 2 });
  }, 300_000);
  afterAll(async () => {
    await open.close();
  });

  it('given v2 with an inserted and a renamed state, when it is linted, then it is clean', () => {
    const problems = lintDefinition(v2.definition, { forms: v2.forms }).filter((p) => p.severity === 'error');
    expect(problems).toEqual([]);
  });

  it('given 50 running v1 cases, when their histories are replayed against v2 (what-if), then each case gets its exact verdict and nothing changes', async () => {
    const target = await runtime.definitions.get(KEY, 2);
    const reports = await whatIfCases(runtime, target);
    const expected = [...cases].map(([instanceId, group]) => ({
      instanceId,
      definitionVersion: 1,
      // Only the start: v2 begins with the same home visit.
      result:
        group === 'homeVisit'
          ? { verdict: 'same', states: ['homeVisit'], status: 'running' }
          : group === 'branchApproval'
            ? // The home visit's submission now leads to the inserted review.
              {
                verdict: 'different',
                actual: { states: ['branchApproval'], status: 'running' },
                replayed: { states: ['reviewFindings'], status: 'running' },
              }
            : // Command 3 approves the branch's task; on v2 the open task is the review's, which has no 'approve'.
              {
                verdict: 'refused',
                at: 3,
                command: 'complete',
                code: 'invalid-command',
                message: "Task has no outcome 'approve'",
              },
    }));
    expect(reports).toEqual(expected);
    const counts = reports.reduce<Record<string, number>>((acc, r) => {
      acc[r.result.verdict] = (acc[r.result.verdict] ?? 0) + 1;
      return acc;
    }, {});
    console.log(`what-if on ${backend}: ${reports.length} cases`, counts);
    const onV1 = await open.db
      .selectFrom('instances')
      .select('id')
      .where('definition_version', '=', 1)
      .execute();
    expect(onV1).toHaveLength(50);
  });

  it('given the two versions, when a mapping is proposed, then kept states map to themselves and the renamed one needs a target (its twin suggested)', () => {
    const proposal = proposeMapping({ ...v1, version: 1 }, { ...v2, version: 2 });
    expect(proposal.added).toEqual(['reviewFindings', 'disbursement']);
    expect(proposal.states).toEqual([
      { source: 'homeVisit', target: 'homeVisit', reason: 'same-id', voting: false },
      { source: 'branchApproval', target: 'branchApproval', reason: 'same-id', voting: false },
      { source: 'leaderApproval', target: 'leaderApproval', reason: 'same-id', voting: false },
      { source: 'payment', target: null, reason: 'removed', suggestion: 'disbursement', voting: false },
      { source: 'support.waiting', target: 'support.waiting', reason: 'same-id', voting: false },
      { source: 'support.visit', target: 'support.visit', reason: 'same-id', voting: false },
      { source: 'closeReview', target: 'closeReview', reason: 'same-id', voting: false },
    ]);
  });

  it.each([
    [{}, 'migration-unmapped-state', '/states/payment'],
    [{ payment: 'nowhere' }, 'migration-target-unknown', '/states/payment'],
    [{ payment: 'closed' }, 'migration-target-final', '/states/payment'],
  ])(
    'given the mapping %j that strands the payment cases, when applied, then it is refused with %s at %s and no case moves',
    async (states, code, path) => {
      const report = await applyMigration(runtime, { key: KEY, from: 1, to: 2, states, actor: 'admin' });
      expect(report.problems.map((p) => [p.code, p.path])).toEqual([[code, path]]);
      expect(report.cases).toEqual([]);
      const onV1 = await open.db
        .selectFrom('instances')
        .select('id')
        .where('definition_version', '=', 1)
        .execute();
      expect(onV1).toHaveLength(50);
    },
  );

  it('given the mapping payment → disbursement, when dry-run, applied and every case is driven to its end on v2, then each moves where mapped, gets its tasks under v2 rules, finishes, and verify-audit and replay are clean', async () => {
    const plan = { key: KEY, from: 1, to: 2, states: { payment: 'disbursement' }, actor: 'admin' };
    const dry = await dryRunMigration(runtime, plan);
    expect(dry.problems).toEqual([]);
    const target = (group: Group) => (group === 'payment' ? 'disbursement' : group);
    expect(dry.cases.map((c) => [c.instanceId, c.status, c.from, c.to])).toEqual(
      [...cases].map(([id, group]) => [id, 'moved', [group], [target(group)]]),
    );
    expect(
      await open.db.selectFrom('instances').select('id').where('definition_version', '=', 1).execute(),
    ).toHaveLength(50);

    const migratedAt = clock;
    const applied = await applyMigration(runtime, plan);
    expect(applied.mapping.id).toMatch(/^hardship-assistance@1->2#[0-9a-f]{12}$/);
    expect(applied.cases.map((c) => [c.instanceId, c.status, c.to])).toEqual(
      dry.cases.map((c) => [c.instanceId, 'moved', c.to]),
    );
    for (const [id, group] of cases) {
      const snapshot = await snapshotOf(id);
      expect(snapshot.definitionVersion).toBe(2);
      expect(statesOf(snapshot)).toEqual([target(group)]);
      const last = await open.db
        .selectFrom('audit_log')
        .select(['action', 'actor', 'definition_version', 'detail'])
        .where('instance_id', '=', id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(last).toMatchObject({ action: 'migrate', actor: 'admin', definition_version: 2 });
      expect(last.detail.system).toBe(true);
      expect((last.detail.command as { mapping: { id: string } }).mapping.id).toBe(applied.mapping.id);
      const rows = await open.db
        .selectFrom('tasks')
        .select(['state_id', 'status'])
        .where('instance_id', '=', id)
        .execute();
      const open_ = rows.filter((r) => r.status === 'open').map((r) => r.state_id);
      expect(open_).toEqual(group === 'support.waiting' ? [] : [target(group)]);
      if (group !== 'support.waiting') expect(rows.filter((r) => r.status === 'migrated')).toHaveLength(1);
      if (group === 'payment') {
        // Re-created under v2's rule for the renamed step: the business group, due five days from the move.
        expect(snapshot.tasks[0]).toMatchObject({
          stateId: 'disbursement',
          candidates: { users: [], roles: [{ role: 'organGroupMember', unit: 'org-business' }] },
          dueAt: new Date(migratedAt + 5 * 86_400_000).toISOString(),
        });
      }
      if (group === 'support.waiting') {
        // The next visit is recomputed from the move: a month (monthly visits) after it.
        expect(snapshot.timers.map((t) => [t.kind, t.dueAt])).toEqual([
          ['after', new Date(migratedAt + 30 * 86_400_000).toISOString()],
        ]);
      }
    }
    expect(
      await open.db.selectFrom('instances').select('id').where('definition_version', '=', 2).execute(),
    ).toHaveLength(50);
    await expectAuditClean();

    // Every case to its end on v2.
    for (const [id, group] of cases) {
      if (group === 'homeVisit') {
        await complete(id, 'com1a', 'submit', h.homeVisit());
        expect(statesOf(await snapshotOf(id))).toEqual(['reviewFindings']);
        await complete(id, 'sec1', 'confirm');
        // The secretary reviewed the findings, so the branch's approval falls to another committee
        // member than the home visitor (separation of duties, the definition's onEmpty fallback).
        await complete(id, 'com1b', 'approve', h.approval());
      }
      if (group === 'branchApproval') await complete(id, 'sec1', 'approve', h.approval());
      if (group === 'leaderApproval')
        await complete(id, 'leader1', 'approve', h.leaderApproval({ approvedAmount: 4000 }));
      if (group !== 'support.waiting') {
        expect(statesOf(await snapshotOf(id))).toEqual(['disbursement']);
        await complete(id, 'biz2', 'paid', h.payment());
      }
    }
    await advance('P30D');
    for (const id of cases.keys()) {
      expect(statesOf(await snapshotOf(id))).toEqual(['support.visit']);
      await complete(
        id,
        'head103',
        'submit',
        h.followUp({ recommendClose: true, closeReason: '家庭已脱困' }),
      );
      await complete(id, 'sec1', 'close');
      const snapshot = await snapshotOf(id);
      expect([snapshot.status, statesOf(snapshot), snapshot.definitionVersion]).toEqual([
        'completed',
        ['closed'],
        2,
      ]);
    }
    await expectAuditClean();
    console.log(`migrated on ${backend}: ${applied.cases.length} cases moved and finished on v2`);
  }, 300_000);

  async function expectAuditClean() {
    const audit = await checkAuditAnchors(open.db, { keys: [TEST_AUDIT_KEY] });
    expect([audit.broken, audit.findings, audit.macsChecked]).toEqual([[], [], true]);
    // Open task and timer rows equal each snapshot's, the audit count its version.
    expect(await checkConsistency(open.db)).toEqual([]);
    const replays = await replayCases(runtime);
    expect(replays.filter((r) => r.status !== 'same')).toEqual([]);
    expect(replays).toHaveLength(50);
  }
});
