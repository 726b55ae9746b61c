import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };
const cancellable: DefinitionBundle = {
  ...expenseBundle,
  definition: { ...expenseBundle.definition, initiatorCancel: { whileIn: ['review'] } },
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StepError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('initiator cancel', () => {
  it('given a process allowing it while in review, when the initiator cancels with a reason, then the case ends cancelled', () => {
    const h = new StepHarness(cancellable, smallDirectory);
    h.start('w1', claim);
    h.run('w1', { type: 'cancel', reason: '重复申请' });
    expect(h.snap.status).toBe('cancelled');
    expect(h.snap.outcome).toBe('cancelled');
    expect(h.snap.tasks).toEqual([]);
  });

  it('given the same, when the initiator cancels without a reason, then it is refused as invalid', () => {
    const h = new StepHarness(cancellable, smallDirectory);
    h.start('w1', claim);
    expect(refusal(() => h.run('w1', { type: 'cancel' }))).toBe('invalid-command');
  });

  it('given the case has moved past review, when the initiator cancels, then it is not permitted', () => {
    const h = new StepHarness(cancellable, smallDirectory);
    h.start('w1', claim);
    h.complete('sec', 'approve', { opinion: '同意' });
    expect(refusal(() => h.run('w1', { type: 'cancel', reason: '不需要了' }))).toBe('not-permitted');
  });

  it('given a process that does not allow it, or someone else, when they cancel, then it is not permitted', () => {
    const plain = new StepHarness(expenseBundle, smallDirectory);
    plain.start('w1', claim);
    expect(refusal(() => plain.run('w1', { type: 'cancel', reason: '不需要了' }))).toBe('not-permitted');
    const h = new StepHarness(cancellable, smallDirectory);
    h.start('w1', claim);
    expect(refusal(() => h.run('w2', { type: 'cancel', reason: '不需要了' }))).toBe('not-permitted');
  });
});
