import { describe, expect, it } from 'vitest';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';

describe('withdraw (撤回) notices', () => {
  it('given tasks offered to a role, when the previous step is withdrawn, then the role holders are told too', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: '购买劳保用品', unit: 's1' });
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.run('sec', { type: 'withdraw' });
    const told = h.effects.flatMap((e) => (e.type === 'notify' && e.kind === 'withdrawn' ? e.users : []));
    expect(told.sort()).toEqual(['head', 'r1', 'r2', 'r3']);
  });
});
