import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { expenseBundle } from '../stepping/fixtures/expense-bundle';
import { checkMapping } from './mapping-check';
import { proposeMapping } from './mapping-proposal';

/** v2 of the expense claim: `escalate` renamed `leaderApproval`, the review's form gains a field and loses one. */
function expenseV2(): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  const { escalate, ...rest } = definition.machine.states;
  definition.machine.states = { ...rest, leaderApproval: escalate! };
  (definition.machine.states.review!.on as Record<string, unknown>).approve = [
    { target: 'leaderApproval', guard: { type: 'cel', params: { expr: 'data.amount > params.threshold' } } },
    { target: 'vote' },
  ];
  const forms = structuredClone(expenseBundle.forms);
  const review = forms['expense.review']!.schema as { properties: Record<string, unknown> };
  delete review.properties.amount;
  review.properties.attachment = { type: 'string' };
  return { definition, forms, version: 2 };
}

describe('proposeMapping', () => {
  it('given a renamed state and a changed form, when proposed, then kept states map to themselves, the renamed one waits for a target with its twin suggested, and the form lists the fields that appear and vanish', () => {
    const proposal = proposeMapping(expenseBundle, expenseV2());
    expect(proposal.added).toEqual(['leaderApproval']);
    expect(proposal.states).toEqual([
      {
        source: 'review',
        target: 'review',
        reason: 'same-id',
        form: {
          before: 'expense.review',
          after: 'expense.review',
          added: ['attachment'],
          removed: ['amount'],
        },
        voting: false,
      },
      { source: 'escalate', target: null, reason: 'removed', suggestion: 'leaderApproval', voting: false },
      { source: 'vote.reps.voting', target: 'vote.reps.voting', reason: 'same-id', voting: true },
      { source: 'vote.note.writing', target: 'vote.note.writing', reason: 'same-id', voting: false },
    ]);
  });
});

describe('checkMapping', () => {
  const v2 = expenseV2();
  it.each([
    [{}, undefined, [['migration-unmapped-state', '/states/escalate']]],
    [{ escalate: 'leaderApproval' }, undefined, []],
    [{ escalate: 'paid' }, undefined, [['migration-target-final', '/states/escalate']]],
    [{ escalate: 'nowhere' }, undefined, [['migration-target-unknown', '/states/escalate']]],
    [
      { escalate: 'leaderApproval', 'no/such': 'review' },
      undefined,
      [['migration-source-unknown', '/states/no~1such']],
    ],
    [{ escalate: 'leaderApproval' }, { review: 'carry' }, [['migration-vote-policy', '/votes/review']]],
    [
      { escalate: 'leaderApproval' },
      { 'vote.reps.voting': 'keep' },
      [['migration-vote-policy', '/votes/vote.reps.voting']],
    ],
    [{ escalate: 'leaderApproval' }, { 'vote.reps.voting': 'carry' }, []],
  ])('given states %j and votes %j, when checked, then the problems are %j', (states, votes, expected) => {
    const problems = checkMapping(expenseBundle, v2, { states, votes: votes as never });
    expect(problems.map((p) => [p.code, p.path])).toEqual(expected);
    expect(problems.every((p) => p.severity === 'error' && p.hint.length > 0)).toBe(true);
  });

  it('given one version on both sides, when checked, then it is refused as the same version', () => {
    expect(checkMapping(expenseBundle, expenseBundle, { states: {} }).map((p) => p.code)).toEqual([
      'migration-same-version',
    ]);
  });
});
