import { describe, expect, it } from 'vitest';
import { problemTarget } from './problem-target';

describe('problem targets', () => {
  it('given pointers into states, transitions and elsewhere, when mapped, then the right element is named', () => {
    expect(problemTarget({ path: '/machine/states/review/task' })).toEqual({ kind: 'state', id: 'review' });
    expect(problemTarget({ path: '/machine/states/a/states/b/task/assignment' })).toEqual({
      kind: 'state',
      id: 'a.b',
    });
    expect(problemTarget({ path: '/machine/states/review/on/approve/1/guard' })).toEqual({
      kind: 'transition',
      state: 'review',
      id: 'review|on|approve|1',
    });
    expect(problemTarget({ path: '/machine/states/decide/always/0' })).toEqual({
      kind: 'transition',
      state: 'decide',
      id: 'decide|always||0',
    });
    expect(problemTarget({ path: '/caseSchema' })).toEqual({ kind: 'process' });
  });
});
