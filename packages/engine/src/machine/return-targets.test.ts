import { describe, expect, it } from 'vitest';
import type { StateDef } from '../definition/definition-types';
import { returnTargetPaths } from './return-targets';

const region = (finals: string[]): StateDef => ({
  initial: 'work',
  states: { work: {}, ...Object.fromEntries(finals.map((f) => [f, { type: 'final' as const }])) },
});

const states: Record<string, StateDef> = {
  assessment: {
    type: 'parallel',
    states: { a: region(['done']), b: region(['done']), c: region(['passed', 'failed']) },
  },
  approval: {},
};

describe('return targets into a parallel state', () => {
  it('given a return from after the parallel state, when it targets one region, then the other regions stay in their final state', () => {
    expect(returnTargetPaths(states, 'approval', 'assessment.a.work')).toEqual([
      'assessment.a.work',
      'assessment.b.done',
    ]);
  });

  it('given a region with two final states, when another region is returned to, then that region starts over (its end is unknown)', () => {
    expect(returnTargetPaths(states, 'approval', 'assessment.b.work')).not.toContain('assessment.c.passed');
  });

  it('given a return from inside the parallel state, when it targets a sibling region, then only the target is named', () => {
    expect(returnTargetPaths(states, 'assessment.b.work', 'assessment.a.work')).toEqual([
      'assessment.a.work',
    ]);
  });

  it('given a target outside any parallel state, when returned to, then it is the only state entered', () => {
    expect(returnTargetPaths(states, 'assessment.a.work', 'approval')).toEqual(['approval']);
  });
});
