import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../index';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import type { StepError } from './step-error';

/** The expense process with two conditional fields: an invoice number over 5,000, a reason for a cut. */
function conditionalBundle(): DefinitionBundle {
  const bundle = structuredClone(expenseBundle);
  const apply = bundle.forms['expense.apply']!;
  (apply.schema.properties as Record<string, unknown>).invoiceNo = {
    type: 'string',
    title: '发票号',
    minLength: 4,
  };
  (apply.schema.required as string[]).push('invoiceNo');
  apply.uiSchema = { invoiceNo: { 'ui:options': { showIf: 'data.amount > 5000' } } };
  const review = bundle.forms['expense.review']!;
  (review.schema.properties as Record<string, unknown>).cutReason = { type: 'string', title: '核减理由' };
  (review.schema.required as string[]).push('cutReason');
  review.uiSchema = {
    cutReason: { 'ui:options': { showIf: "has(data.opinion) && data.opinion.startsWith('核减')" } },
  };
  return bundle;
}

function refusal(fn: () => unknown): StepError {
  try {
    fn();
  } catch (error) {
    return error as StepError;
  }
  throw new Error('expected a refusal');
}

describe('fields with a show-if', () => {
  it('given a small claim, when it starts without the hidden invoice number, then it starts and a stale value is not kept', () => {
    const h = new StepHarness(conditionalBundle(), smallDirectory);
    const snap = h.start('w1', { amount: 1200, reason: '购买劳保用品', unit: 's1', invoiceNo: '旧值' });
    expect(snap.status).toBe('running');
    expect(snap.data).not.toHaveProperty('invoiceNo');
  });

  it('given a large claim, when the shown invoice number is missing, then the start is refused at that field', () => {
    const h = new StepHarness(conditionalBundle(), smallDirectory);
    const error = refusal(() => h.start('w1', { amount: 9000, reason: '大额采购', unit: 's1' }));
    expect(error.code).toBe('invalid-form');
    expect((error.details as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      '/invoiceNo',
    ]);
    expect(
      h.start('w1', { amount: 9000, reason: '大额采购', unit: 's1', invoiceNo: 'FP-2026' }).data.invoiceNo,
    ).toBe('FP-2026');
  });

  it('given a task field shown only when the opinion is a cut (核减), then it is required exactly then', () => {
    const h = new StepHarness(conditionalBundle(), smallDirectory);
    h.start('w1', { amount: 1200, reason: '购买劳保用品', unit: 's1' });
    const error = refusal(() => h.complete('sec', 'approve', { opinion: '核减至800元' }));
    expect((error.details as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      '/cutReason',
    ]);
    const snap = h.complete('sec', 'approve', { opinion: '同意报销', cutReason: '不需要' });
    expect(snap.data.amount).toBe(1200);
    expect(snap.data).not.toHaveProperty('cutReason');
  });
  it('given a start far beyond the size limit on a form with a show-if, then it is refused for its size', () => {
    const h = new StepHarness(conditionalBundle(), smallDirectory);
    const error = refusal(() => h.start('w1', { amount: 9000, reason: 'x'.repeat(300 * 1024), unit: 's1' }));
    expect(error.code).toBe('invalid-form');
    expect((error.details as { errors: { keyword: string }[] }).errors.map((e) => e.keyword)).toEqual([
      'limit',
    ]);
  });
});
