import { describe, expect, it } from 'vitest';
import { expenseBundle, smallDirectory } from '../stepping/fixtures/expense-bundle';
import { ScriptError } from './run-script';
import { simulate } from './simulate';
import type { SimStep } from './simulation-types';

function path(step: SimStep): SimStep[] {
  return [step, ...(step.next[0] ? path(step.next[0]) : [])];
}

const claim = { amount: 8000, reason: '购买劳保用品', unit: 's1' };

describe('simulate with a script', () => {
  it('given a script, when run, then the single path follows it, timers included, with its coverage', () => {
    const report = simulate(expenseBundle, smallDirectory, {
      script: {
        start: { user: 'w1', data: claim },
        steps: [
          { user: 'sec', outcome: 'approve', data: { opinion: '请领导审批' } },
          { user: 'boss', command: { type: 'return', target: 'review', comment: '补充' } },
          { user: 'sec', outcome: 'approve', data: { opinion: '已补充' } },
          { advance: 'P4D' },
        ],
      },
    });
    const steps = path(report.roots[0]!);
    expect(steps.map((s) => s.action.kind)).toEqual([
      'start',
      'complete',
      'command',
      'complete',
      'timer',
      'timer',
      'timer',
    ]);
    expect(steps.map((s) => s.transitions)).toEqual([
      [],
      ['review → escalate (approve)'],
      ['escalate → review (return)'],
      ['review → escalate (approve)'],
      [],
      [],
      ['escalate → rejected (reject)'],
    ]);
    expect(steps.at(-1)!.end).toBe('completed');
    expect(report.paths).toBe(1);
    expect(report.coverage.transitions.covered).toBe(3);
    expect(report.coverage.states.missing).toContain('paid');
  });

  it('given a step the engine refuses, when run, then a ScriptError names the step', () => {
    const run = () =>
      simulate(expenseBundle, smallDirectory, {
        script: {
          start: { user: 'w1', data: claim },
          steps: [{ user: 'sec', outcome: 'approve', data: { opinion: 'x' } }],
        },
      });
    expect(run).toThrow(ScriptError);
    expect(run).toThrow(/step 1: the engine refused complete/);
  });

  it('given a user without a task, when run, then a ScriptError says so', () => {
    const run = () =>
      simulate(expenseBundle, smallDirectory, {
        script: { start: { user: 'w1', data: claim }, steps: [{ user: 'boss', outcome: 'approve' }] },
      });
    expect(run).toThrow(/step 1: boss has 0 open task/);
  });
});
