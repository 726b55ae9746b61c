import type { DefinitionBundle, StateDef } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { applyMigration, dryRunMigration } from './migration-run';
import { replayCases } from './replay-check';
import { openTestDatabase, testBackends } from './testing/test-database';
import { whatIfCases } from './what-if-check';

/** v2 of the expense claim: the reps' vote renamed `ballot`. */
function expenseV2(): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  const reps = definition.machine.states.vote!.states!.reps!;
  reps.initial = 'ballot';
  reps.states = { ballot: reps.states!.voting as StateDef, passed: reps.states!.passed! };
  return { definition, forms: expenseBundle.forms };
}

describe.each(testBackends())('migrating a case with a vote in progress on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let id = '';
  const clock = '2026-03-02T08:00:00.000Z';

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: () => clock });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
    const started = await runtime.start({
      definitionKey: 'expense',
      data: { amount: 1200, reason: '购买劳保用品', unit: 's1' },
      actor: { username: 'w1' },
    });
    id = started.instanceId;
    const voting = await runtime.execute(
      id,
      { type: 'complete', taskId: started.tasks[0]!, outcome: 'approve', data: { opinion: '同意报销' } },
      { username: 'sec' },
    );
    const r1 = (await runtime.snapshot(id))!.tasks.find((t) => t.signer === 'r1')!;
    expect(voting.tasks).toContain(r1.id);
    await runtime.execute(id, { type: 'complete', taskId: r1.id, outcome: 'approve' }, { username: 'r1' });
    await runtime.definitions.publish(expenseV2(), 'admin');
  });
  afterAll(async () => {
    await open.close();
  });

  const plan = {
    key: 'expense',
    from: 1,
    to: 2,
    states: { 'vote.reps.voting': 'vote.reps.ballot' },
    votes: { 'vote.reps.voting': 'carry' as const },
    actor: 'admin',
  };

  it('given the vote renamed in v2, when what-if and a dry run are asked, then the history reaches the renamed vote (a different state) and the move keeps r1’s ballot; nothing is written', async () => {
    const [report] = await whatIfCases(runtime, await runtime.definitions.get('expense', 2));
    // The history's third command completes r1's task in the vote, which v2 calls by another name:
    // replayed on v2 the same task id belongs to the renamed state, so the case reaches the same
    // place under v2's names.
    expect(report!.result).toEqual({
      verdict: 'different',
      actual: { states: ['vote.note.writing', 'vote.reps.voting'], status: 'running' },
      replayed: { states: ['vote.note.writing', 'vote.reps.ballot'], status: 'running' },
    });
    const dry = await dryRunMigration(runtime, plan);
    expect(dry.cases[0]).toMatchObject({ status: 'moved', to: ['vote.note.writing', 'vote.reps.ballot'] });
    expect(dry.cases[0]!.tasks!.map((t) => t.assignee ?? t.stateId).sort()).toEqual([
      'r2',
      'r3',
      'vote.note.writing',
    ]);
    expect((await runtime.snapshot(id))!.definitionVersion).toBe(1);
  });

  it('given carry, when migrated, then the open task rows are r2’s and r3’s ballots and the note, r1’s ballot counts, and replay and the rows agree', async () => {
    const report = await applyMigration(runtime, plan);
    expect(report.cases.map((c) => c.status)).toEqual(['moved']);
    const snapshot = (await runtime.snapshot(id))!;
    expect(snapshot.votes['vote.reps.ballot']!.state.ballots).toEqual({ r1: 'approve' });
    const rows = await open.db
      .selectFrom('tasks')
      .select(['state_id', 'assignee', 'status'])
      .where('instance_id', '=', id)
      .where('status', 'in', ['open', 'migrated'])
      .orderBy('state_id')
      .orderBy('assignee')
      .orderBy('status')
      .execute();
    expect(rows).toEqual([
      { state_id: 'vote.note.writing', assignee: null, status: 'migrated' },
      { state_id: 'vote.note.writing', assignee: null, status: 'open' },
      { state_id: 'vote.reps.ballot', assignee: 'r2', status: 'open' },
      { state_id: 'vote.reps.ballot', assignee: 'r3', status: 'open' },
      { state_id: 'vote.reps.voting', assignee: 'r2', status: 'migrated' },
      { state_id: 'vote.reps.voting', assignee: 'r3', status: 'migrated' },
    ]);
    const r2 = snapshot.tasks.find((t) => t.signer === 'r2')!;
    await runtime.execute(id, { type: 'complete', taskId: r2.id, outcome: 'approve' }, { username: 'r2' });
    expect((await runtime.snapshot(id))!.machine.value).toEqual({
      vote: { reps: 'passed', note: 'writing' },
    });
    expect(await checkConsistency(open.db)).toEqual([]);
    expect(await replayCases(runtime)).toEqual([{ instanceId: id, status: 'same', directoryChanged: false }]);
  });
});
