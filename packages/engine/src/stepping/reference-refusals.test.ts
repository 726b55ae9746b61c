import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import type { FieldError } from '../forms';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

/** The expense process whose start form names a station and whose review names a person to consult. */
function referencingBundle(): DefinitionBundle {
  const bundle: DefinitionBundle = structuredClone(expenseBundle);
  const apply = bundle.forms['expense.apply']!.schema.properties as Record<string, unknown>;
  apply.unit = { type: 'string', title: '单位', format: 'flowform-unit', 'x-unitKinds': ['station'] };
  const review = bundle.forms['expense.review']!.schema.properties as Record<string, unknown>;
  review.consulted = {
    type: 'string',
    title: '征求意见人',
    format: 'flowform-user',
    'x-roles': ['stationHead'],
  };
  return bundle;
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

const errorsOf = (error: StepError) => (error.details as { errors: FieldError[] }).errors;
const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

describe('references in forms are checked against the directory at submit', () => {
  it('given a start form naming an unknown unit, when started, then invalid-reference at /unit and no case', () => {
    const h = new StepHarness(referencingBundle(), smallDirectory);
    const error = refusal(() => h.start('w1', { ...claim, unit: 'no-such-unit' }));
    expect(error.code).toBe('invalid-reference');
    expect(errorsOf(error)).toEqual([
      { path: '/unit', keyword: 'format', message: '「单位」：组织架构中没有编号为“no-such-unit”的单位' },
    ]);
    expect(h.snapshot).toBeUndefined();
  });

  it('given a start form naming a branch where a station is wanted, when started, then invalid-reference x-unitKinds', () => {
    const h = new StepHarness(referencingBundle(), smallDirectory);
    const error = refusal(() => h.start('w1', { ...claim, unit: 'b1' }));
    expect(errorsOf(error).map((e) => [e.path, e.keyword])).toEqual([['/unit', 'x-unitKinds']]);
  });

  it('given a task form naming a worker where a station head is wanted, when completed, then refused until a head is named', () => {
    const h = new StepHarness(referencingBundle(), smallDirectory);
    h.start('w1', claim);
    const error = refusal(() => h.complete('sec', 'approve', { opinion: '同意报销', consulted: 'w2' }));
    expect(error.code).toBe('invalid-reference');
    expect(errorsOf(error)).toEqual([
      { path: '/consulted', keyword: 'x-roles', message: '「征求意见人」：职工二（w2）不是站长' },
    ]);
    h.complete('sec', 'approve', { opinion: '同意报销', consulted: 'head' });
    expect(h.snap.data.consulted).toBe('head');
  });
});

describe('people named in task commands are checked against the directory', () => {
  const started = () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', claim);
    return h;
  };

  it('given a CC list with one unknown name, when copied, then invalid-reference at that row and nobody is copied', () => {
    const h = started();
    const taskId = h.taskOf('sec').id;
    const error = refusal(() => h.run('sec', { type: 'cc', taskId, users: ['boss2', 'liuyonggang'] }));
    expect(error.code).toBe('invalid-reference');
    expect(errorsOf(error)).toEqual([
      {
        path: '/users/1',
        keyword: 'format',
        message: '「抄送对象」第 2 项：组织架构中没有用户名为“liuyonggang”的人员',
      },
    ]);
    expect(h.snap.cc).toEqual([]);
  });

  it('given a transfer to an unknown person, when transferred, then invalid-reference at /to', () => {
    const h = started();
    const error = refusal(() => h.run('sec', { type: 'transfer', taskId: h.taskOf('sec').id, to: '刘永刚' }));
    expect(errorsOf(error).map((e) => e.path)).toEqual(['/to']);
    expect(errorsOf(error)[0]!.message).toContain('「接收人」');
  });
});
