import { describe, expect, it } from 'vitest';
import type { DefinitionBundle, StateDef } from '../definition/definition-types';
import type { CaseMapping } from './commands';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { replay } from './replay';
import { StepError } from './step-error';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

/** v2 of the expense claim: the reps' vote renamed `ballot`, its ratio set as given. */
function expenseV2(ratio = 0.6): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  const reps = definition.machine.states.vote!.states!.reps!;
  const voting = reps.states!.voting as StateDef;
  voting.task!.voting!.ratio = ratio;
  reps.initial = 'ballot';
  reps.states = { ballot: voting, passed: reps.states!.passed! };
  return { definition, forms: expenseBundle.forms, version: 2 };
}

/** A claim in the parallel vote with r1's approval cast; the head's note still open. */
function inVote(): StepHarness {
  const h = new StepHarness(expenseBundle, smallDirectory);
  h.start('w1', claim);
  h.complete('sec', 'approve', { opinion: '同意报销' });
  h.complete('r1', 'approve');
  return h;
}

function migrate(
  h: StepHarness,
  to: DefinitionBundle,
  states: CaseMapping['states'],
  votes?: CaseMapping['votes'],
) {
  h.bundle = to;
  return h.run('admin', {
    type: 'migrate',
    from: 1,
    to: 2,
    mapping: { id: 'm1', states, ...(votes && { votes }) },
  });
}

function refusal(run: () => unknown): StepError {
  try {
    run();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

describe('migrate', () => {
  it('given a vote in progress mapped to its renamed state with carry, when migrated, then the ballot cast is kept and only the two still to vote get tasks', () => {
    const h = inVote();
    const snap = migrate(
      h,
      expenseV2(),
      { 'vote.reps.voting': 'vote.reps.ballot' },
      { 'vote.reps.voting': 'carry' },
    );
    expect(snap.definitionVersion).toBe(2);
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.ballot']);
    expect(snap.votes['vote.reps.ballot']!.state.ballots).toEqual({ r1: 'approve' });
    expect(snap.tasks.map((t) => [t.stateId, t.signer ?? t.candidates.roles[0]?.role]).sort()).toEqual([
      ['vote.note.writing', 'stationHead'],
      ['vote.reps.ballot', 'r2'],
      ['vote.reps.ballot', 'r3'],
    ]);
    expect(h.audit.at(-1)!.detail!.events).toContainEqual({
      migrated: {
        mapping: 'm1',
        from: 1,
        to: 2,
        moves: [
          { source: 'vote.reps.voting', target: 'vote.reps.ballot' },
          { source: 'vote.note.writing', target: 'vote.note.writing' },
        ],
      },
    });
    expect(h.audit.at(-1)!.detail!.events).toContainEqual({ voteCarried: 'vote.reps.ballot', ballots: 1 });
    h.complete('r2', 'approve');
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.passed']);
  });

  it('given the same vote with restart, when migrated, then every signer votes again', () => {
    const h = inVote();
    const snap = migrate(
      h,
      expenseV2(),
      { 'vote.reps.voting': 'vote.reps.ballot' },
      { 'vote.reps.voting': 'restart' },
    );
    expect(snap.votes['vote.reps.ballot']!.state.ballots).toEqual({});
    expect(snap.tasks.filter((t) => t.signer).map((t) => t.signer)).toEqual(['r1', 'r2', 'r3']);
  });

  it('given carried ballots that meet the new version’s lower ratio, when migrated, then the vote is decided at once', () => {
    const h = inVote();
    migrate(h, expenseV2(0.3), { 'vote.reps.voting': 'vote.reps.ballot' }, { 'vote.reps.voting': 'carry' });
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.passed']);
    expect(h.snap.tasks.map((t) => t.stateId)).toEqual(['vote.note.writing']);
  });

  it('given a state the new version lacks and the mapping leaves out, when migrated, then it is refused naming the state and nothing changes', () => {
    const h = inVote();
    const before = h.snap;
    h.bundle = expenseV2();
    const error = refusal(() =>
      h.run('admin', { type: 'migrate', from: 1, to: 2, mapping: { id: 'm0', states: {} } }),
    );
    expect([error.code, error.details]).toEqual(['invalid-command', { state: 'vote.reps.voting' }]);
    expect(h.snap).toBe(before);
  });

  it('given a case on another version than the mapping’s, when migrated, then it is stale', () => {
    const h = inVote();
    h.bundle = expenseV2();
    const error = refusal(() =>
      h.run('admin', { type: 'migrate', from: 3, to: 2, mapping: { id: 'm0', states: {} } }),
    );
    expect(error.code).toBe('stale');
  });

  it('given a migrated case finished on v2, when its log is replayed with each entry on the version it ran on, then the snapshot is the same', () => {
    const h = inVote();
    const v1Rows = h.audit.length;
    const v2 = expenseV2();
    migrate(h, v2, { 'vote.reps.voting': 'vote.reps.ballot' }, { 'vote.reps.voting': 'carry' });
    h.complete('r2', 'approve');
    h.complete('head', 'done', { note: '已核对' });
    expect(h.snap.status).toBe('completed');
    const replayed = replay((entry) => (entry.seq <= v1Rows ? expenseBundle : v2), h.audit, h.directory);
    expect(replayed).toEqual(h.snap);
  });

  it('given a case at the branch review mapped to the parallel vote, when migrated, then every region of the vote opens: all reps vote and the head writes the note', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', claim);
    const snap = migrate(h, expenseV2(), { review: 'vote' });
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.ballot']);
    expect(snap.tasks.map((t) => t.signer ?? t.stateId).sort()).toEqual([
      'r1',
      'r2',
      'r3',
      'vote.note.writing',
    ]);
    expect(h.audit.at(-1)!.detail!.events).toContainEqual({
      migrated: {
        mapping: 'm1',
        from: 1,
        to: 2,
        moves: [{ source: 'review', target: 'vote', leaves: ['vote.reps.ballot', 'vote.note.writing'] }],
      },
    });
  });

  it('given a mapping to a final state, when migrated, then it is refused naming the state', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', claim);
    h.bundle = expenseV2();
    const error = refusal(() =>
      h.run('admin', { type: 'migrate', from: 1, to: 2, mapping: { id: 'm2', states: { review: 'paid' } } }),
    );
    expect([error.code, error.details]).toEqual(['invalid-command', { state: 'review' }]);
  });
});
