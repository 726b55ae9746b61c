import { describe, expect, it } from 'vitest';
import { expenseBundle, smallDirectory } from '../stepping/fixtures/expense-bundle';
import { simulate } from './simulate';
import type { SimStep } from './simulation-types';

function leaves(steps: SimStep[]): SimStep[] {
  return steps.flatMap((s) => (s.next.length === 0 ? [s] : leaves(s.next)));
}

function firstPath(step: SimStep): SimStep[] {
  return [step, ...(step.next[0] ? firstPath(step.next[0]) : [])];
}

describe('simulate: exploring every path', () => {
  const report = simulate(expenseBundle, smallDirectory);

  it('given the expense claim, when explored, then every state and transition is covered', () => {
    expect(report.coverage.states).toEqual({ covered: 11, total: 11, missing: [] });
    expect(report.coverage.transitions).toEqual({ covered: 10, total: 10, missing: [] });
    expect(report.truncated).toBe(false);
  });

  it('given the start form, when sampled, then start variants straddle the threshold parameter', () => {
    expect(report.roots.map((r) => r.action)).toEqual([
      expect.objectContaining({ kind: 'start', variant: 0 }),
      expect.objectContaining({ kind: 'start', variant: 1 }),
      expect.objectContaining({ kind: 'start', variant: 2 }),
      expect.objectContaining({ kind: 'start', variant: 3 }),
    ]);
    const escalated = report.roots.filter((r) => r.next.some((n) => n.states.includes('escalate')));
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.length).toBeLessThan(report.roots.length);
  });

  it('given the first path, then each step names who acts, who is asked next with names and deadlines', () => {
    const path = firstPath(report.roots[0]!);
    expect(path[0]!.action).toMatchObject({
      kind: 'start',
      user: { username: 'w1', name: { en: 'Worker 1' } },
    });
    expect(path[0]!.tasks[0]).toMatchObject({ state: 'review', title: { 'zh-CN': '支部审核' } });
    expect(path[1]!.action).toMatchObject({ kind: 'complete', state: 'review', outcome: 'approve' });
    expect(path[1]!.transitions).toEqual(['review → vote (approve)']);
    expect(path.at(-1)!.end).toBe('completed');
  });

  it('given the paths, then each leaf says why it stops, and refusals are counted, not walked', () => {
    const ends = new Set(leaves(report.roots).map((l) => l.end));
    expect([...ends].every((e) => ['completed', 'seen'].includes(e!))).toBe(true);
    expect(report.paths).toBe(leaves(report.roots).length);
  });

  it('given the escalation timer, when nobody acts, then the timer path is walked on the virtual clock', () => {
    const timers = leaves(report.roots).length > 0 && JSON.stringify(report.roots).includes('"kind":"timer"');
    expect(timers).toBe(true);
  });

  it('given the same input, when simulated twice, then the reports are identical and plain JSON', () => {
    const again = simulate(expenseBundle, smallDirectory);
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it('given a small step budget, when explored, then the walk stops and says it was cut short', () => {
    const cut = simulate(expenseBundle, smallDirectory, { maxSteps: 5 });
    expect(cut.truncated).toBe(true);
    expect(cut.steps).toBe(5);
    expect(cut.coverage.transitions.covered).toBeLessThan(10);
  });
});
