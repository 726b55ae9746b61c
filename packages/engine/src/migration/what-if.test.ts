import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { expenseBundle, smallDirectory } from '../stepping/fixtures/expense-bundle';
import { StepHarness } from '../stepping/fixtures/step-harness';
import { whatIf } from './what-if';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

/** A draft where every claim goes to the leader first (no branch review). */
function leaderFirst(): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  definition.machine.initial = 'escalate';
  return { definition, forms: expenseBundle.forms, version: 9 };
}

/** A draft whose parameter sends claims above 1000 to the leader. */
function lowThreshold(): DefinitionBundle {
  const definition = structuredClone(expenseBundle.definition);
  definition.parameters = { threshold: { ...definition.parameters!.threshold!, value: 1000 } };
  return { definition, forms: expenseBundle.forms, version: 9 };
}

function history(commands: (h: StepHarness) => void): StepHarness {
  const h = new StepHarness(expenseBundle, smallDirectory);
  h.start('w1', claim);
  commands(h);
  return h;
}

describe('whatIf', () => {
  const directory = () => new StepHarness(expenseBundle, smallDirectory).directory;

  it('given the version the case ran on, when replayed, then it reaches the same state', () => {
    const h = history((x) => x.complete('sec', 'approve', { opinion: '同意报销' }));
    expect(whatIf(expenseBundle, h.audit, directory, h.snap)).toEqual({
      verdict: 'same',
      states: ['vote.note.writing', 'vote.reps.voting'],
      status: 'running',
    });
  });

  it('given a draft with a lower threshold, when replayed, then the approval leads to the leader instead: a different state', () => {
    const h = history((x) => x.complete('sec', 'approve', { opinion: '同意报销' }));
    expect(whatIf(lowThreshold(), h.audit, directory, h.snap)).toEqual({
      verdict: 'different',
      actual: { states: ['vote.note.writing', 'vote.reps.voting'], status: 'running' },
      replayed: { states: ['escalate'], status: 'running' },
    });
  });

  it('given a draft starting at the leader, when the secretary’s approval replays, then it is refused at command 2 with the step’s code', () => {
    const h = history((x) => x.complete('sec', 'approve', { opinion: '同意报销' }));
    expect(whatIf(leaderFirst(), h.audit, directory, h.snap)).toMatchObject({
      verdict: 'refused',
      at: 2,
      command: 'complete',
      code: 'not-permitted',
    });
  });
});
