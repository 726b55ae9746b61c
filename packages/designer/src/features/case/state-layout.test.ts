import type { StateDef } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { isActive, layoutStates } from './state-layout';

const states: Record<string, StateDef> = {
  done: { type: 'final' },
  review: {
    on: { approve: [{ target: 'pay', guard: { type: 'cel', params: { expr: 'true' } } }], reject: 'done' },
  },
  pay: {
    initial: 'waiting',
    states: { waiting: { after: { P1D: 'visit' } }, visit: { on: { submit: '#done' } } },
  },
  apply: { on: { submit: 'review' } },
};

describe('diagram layout', () => {
  it('given a machine, when laid out, then steps follow the way through from the initial one and ends come last', () => {
    expect(layoutStates(states, 'apply').map((b) => [b.id, b.depth])).toEqual([
      ['apply', 0],
      ['review', 0],
      ['pay', 0],
      ['pay.waiting', 1],
      ['pay.visit', 1],
      ['done', 0],
    ]);
  });

  it('given an active nested state, when asked, then it and its parent are active', () => {
    expect(isActive('pay', ['pay.visit'])).toBe(true);
    expect(isActive('pay.visit', ['pay.visit'])).toBe(true);
    expect(isActive('pa', ['pay.visit'])).toBe(false);
  });
});
