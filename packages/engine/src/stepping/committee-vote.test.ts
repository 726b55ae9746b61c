import { describe, expect, it } from 'vitest';
import type { DirectorySeed } from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const leaders = ['l1', 'l2', 'l3', 'l4', 'l5'];

const directory: DirectorySeed = {
  users: [...leaders, 'w1'].map((username) => ({ username, displayName: text(username, username) })),
  units: [{ id: 'd', kind: 'district', name: text('四区', 'District'), parent: null }],
  memberships: [
    ...leaders.map((username) => ({ username, role: 'districtLeader', unit: 'd' })),
    { username: 'w1', role: 'worker', unit: 'd' },
  ],
  contracts: [],
};

/** A matter about `subject`, decided by the district committee: majority, 2/3 quorum, the involved out. */
const bundle: DefinitionBundle = {
  version: 1,
  forms: {},
  definition: {
    key: 'committee-matter',
    name: text('区委会研究事项', 'Committee matter'),
    description: text('测试用流程', 'Test process'),
    caseSchema: {
      type: 'object',
      properties: { subject: { type: 'string' }, committeeVotes: { type: 'array' } },
    },
    starters: {
      kind: 'anyOf',
      rules: [
        { kind: 'role', role: 'districtLeader', unit: 'd' },
        { kind: 'users', users: ['w1'] },
      ],
    },
    machine: {
      initial: 'committee',
      states: {
        committee: {
          task: {
            title: text('区委会表决', 'Committee vote'),
            assignment: { kind: 'role', role: 'districtLeader', unit: 'd' },
            excludes: [{ kind: 'initiator' }, { kind: 'field', field: 'subject' }],
            outcomes: [
              { key: 'approve', label: text('同意', 'Approve') },
              { key: 'reject', label: text('不同意', 'Reject'), requiresComment: true },
            ],
            voting: {
              mode: 'majority',
              quorum: 2 / 3,
              rejectPolicy: 'impossible',
              approveOutcome: 'approve',
              rejectOutcome: 'reject',
            },
            responses: 'committeeVotes',
            operations: ['comment', 'urge'],
          },
          on: { approve: 'passed', reject: 'notPassed' },
        },
        passed: { type: 'final', outcome: 'approved' },
        notPassed: { type: 'final', outcome: 'rejected' },
      },
    },
  },
};

function started(by: string, subject: string): StepHarness {
  const h = new StepHarness(bundle, directory);
  h.start(by, { subject });
  return h;
}

const signers = (h: StepHarness) => h.snap.votes.committee?.state.signers;
const decided = (h: StepHarness) =>
  h.audit
    .flatMap((a) => (a.detail?.events ?? []) as Record<string, unknown>[])
    .find((r) => 'voteDecided' in r);

describe('a committee vote (区委会表决) with the involved leaders excluded', () => {
  it('given a leader starts a case about another leader, when the vote opens, then the other three are the electorate', () => {
    const h = started('l1', 'l5');
    expect(signers(h)).toEqual(['l2', 'l3', 'l4']);
    expect(h.snap.tasks.map((t) => t.signer)).toEqual(['l2', 'l3', 'l4']);
  });

  it('given the leader concerned, when he votes on a member’s ballot, then separation-of-duties', () => {
    const h = started('l1', 'l5');
    const task = h.snap.tasks[0]!;
    let error: unknown;
    try {
      h.run('l5', { type: 'complete', taskId: task.id, outcome: 'approve' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepError);
    expect((error as StepError).code).toBe('separation-of-duties');
    expect(h.snap.votes.committee?.state.ballots).toEqual({});
  });

  it('given three voters, when two approve, then passed 2 of 3 and each opinion is kept with its author', () => {
    const h = started('l1', 'l5');
    h.complete('l2', 'approve', {}, '同意');
    expect(h.states()).toEqual(['committee']);
    h.complete('l4', 'approve', {}, '事实清楚');
    expect(h.states()).toEqual(['passed']);
    expect(decided(h)).toMatchObject({
      result: 'approved',
      votes: { approve: 2, reject: 0, pending: 1, total: 3 },
    });
    const votes = h.snap.data.committeeVotes as { by: string; outcome: string; comment?: string }[];
    expect(votes.map((v) => [v.by, v.outcome, v.comment])).toEqual([
      ['l2', 'approve', '同意'],
      ['l4', 'approve', '事实清楚'],
    ]);
    expect(h.snap.tasks).toEqual([]);
  });

  it('given four voters (a worker started it), when they split two to two, then not passed as a tie', () => {
    const h = started('w1', 'l5');
    expect(signers(h)).toEqual(['l1', 'l2', 'l3', 'l4']);
    h.complete('l1', 'approve');
    h.complete('l2', 'reject', {}, '处理过重');
    h.complete('l3', 'approve');
    expect(h.states()).toEqual(['committee']);
    h.complete('l4', 'reject', {}, '证据不足');
    expect(h.states()).toEqual(['notPassed']);
    expect(decided(h)).toMatchObject({ result: 'rejected', tie: true, votes: { approve: 2, reject: 2 } });
  });

  it('given five voters and a 2/3 quorum, when three approve first, then the vote waits for a fourth ballot', () => {
    const h = started('w1', 'nobody');
    expect(signers(h)).toEqual(leaders);
    for (const l of ['l1', 'l2', 'l3']) h.complete(l, 'approve');
    expect(h.states()).toEqual(['committee']);
    h.complete('l5', 'reject', {}, '保留意见');
    expect(h.states()).toEqual(['passed']);
    expect(decided(h)).toMatchObject({ result: 'approved', votes: { approve: 3, reject: 1, total: 5 } });
  });

  it('given three voters, when two reject, then not passed at once (no tie)', () => {
    const h = started('l1', 'l5');
    h.complete('l2', 'reject', {}, '不同意');
    h.complete('l3', 'reject', {}, '不同意');
    expect(h.states()).toEqual(['notPassed']);
    expect(decided(h)).not.toHaveProperty('tie');
  });
});
