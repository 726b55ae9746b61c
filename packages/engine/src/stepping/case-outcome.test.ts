import { describe, expect, it } from 'vitest';
import type { DefinitionBundle, StateDef } from '../definition/definition-types';
import { smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const decisions = ['approve', 'reject', 'withdraw', 'file', 'legacy'] as const;

/** One review whose every decision leads to its own final state. */
function bundle(): DefinitionBundle {
  const finals: Record<string, StateDef> = {
    approved: { type: 'final', outcome: 'approved' },
    rejected: { type: 'final', outcome: 'rejected' },
    withdrawn: { type: 'final', outcome: 'withdrawn' },
    filed: { type: 'final', outcome: 'completed' },
    // Published before outcomes were declared: the engine still ends the case, as `completed`.
    legacy: { type: 'final' },
  };
  const targets = {
    approve: 'approved',
    reject: 'rejected',
    withdraw: 'withdrawn',
    file: 'filed',
    legacy: 'legacy',
  };
  return {
    version: 1,
    definition: {
      key: 'outcomes',
      name: text('结果', 'Outcomes'),
      description: text('测试', 'Test'),
      caseSchema: { type: 'object', properties: {} },
      starters: { kind: 'users', users: ['w1'] },
      machine: {
        initial: 'review',
        states: {
          review: {
            task: {
              title: text('审核', 'Review'),
              assignment: { kind: 'users', users: ['sec'] },
              outcomes: decisions.map((key) => ({ key, label: text(key, key) })),
            },
            on: targets,
          },
          ...finals,
        },
      },
    },
    forms: {},
  };
}

describe('how a case ended', () => {
  it('given a running case, then it has no outcome yet', () => {
    const h = new StepHarness(bundle(), smallDirectory);
    expect(h.start('w1', {}).outcome).toBeUndefined();
  });

  it.each([
    ['approve', 'approved'],
    ['reject', 'rejected'],
    ['withdraw', 'withdrawn'],
    ['file', 'completed'],
    ['legacy', 'completed'],
  ])('given the reviewer decides %s, when the case ends, then its outcome is %s', (decision, outcome) => {
    const h = new StepHarness(bundle(), smallDirectory);
    h.start('w1', {});
    const snap = h.complete('sec', decision);
    expect(snap.status).toBe('completed');
    expect(snap.outcome).toBe(outcome);
    expect(h.audit.at(-1)?.detail?.events).toContainEqual({ caseFinished: 'completed', outcome });
    expect(h.effects).toContainEqual(
      expect.objectContaining({ type: 'notify', kind: 'case-ended', users: ['w1'], outcome }),
    );
  });

  it('given a running case, when an administrator cancels it, then its outcome is cancelled', () => {
    const h = new StepHarness(bundle(), smallDirectory);
    h.start('w1', {});
    const snap = h.run('admin', { type: 'cancel', reason: '重复申请' });
    expect(snap.status).toBe('cancelled');
    expect(snap.outcome).toBe('cancelled');
  });
});
