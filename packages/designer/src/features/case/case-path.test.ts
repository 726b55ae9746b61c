import type { ProcessDefinition } from '@flowform/engine/browser';
import { describe, expect, it } from 'vitest';
import { casePath } from './case-path';

const task = (title: string) => ({
  task: { title: { 'zh-CN': title, en: title }, candidates: { kind: 'initiator' } },
});

const definition = {
  key: 'p',
  name: { 'zh-CN': 'p', en: 'p' },
  caseSchema: { type: 'object', properties: {} },
  starters: { kind: 'initiator' },
  machine: {
    initial: 'visit',
    states: {
      visit: { ...task('visit'), on: { submit: 'check' } },
      check: {
        always: [
          { target: 'big', guard: { type: 'cel', params: { expr: 'data.x > 1' } } },
          { target: 'review' },
        ],
      },
      big: { ...task('big'), on: { approve: 'review', reject: 'rejected' } },
      review: { ...task('review'), on: { approve: 'support', reject: 'rejected' } },
      support: {
        initial: 'waiting',
        states: { waiting: { after: { P1D: 'visit' } }, visit: { ...task('sv'), on: { close: '#closed' } } },
      },
      closed: { type: 'final', outcome: 'approved' },
      rejected: { type: 'final', outcome: 'rejected' },
    },
  },
} as unknown as ProcessDefinition;
const doc = { definition, forms: {} };

describe('the path a case took', () => {
  it('given a case waiting in a nested step, when its path is read, then the decision and the group on the way are passed and the step is current', () => {
    const path = casePath(
      doc,
      [
        { stateId: 'visit', outcome: 'submit' },
        { stateId: 'review', outcome: 'approve' },
      ],
      ['support.waiting'],
      { status: 'running', outcome: null },
    );
    expect([...path.visited].sort()).toEqual(['check', 'review', 'support', 'support.waiting', 'visit']);
    expect([...path.current]).toEqual(['support.waiting']);
    expect([...path.transitions].sort()).toEqual([
      '__start-edge',
      'check|always||1',
      'review|on|approve|0',
      'visit|on|submit|0',
    ]);
    expect(path.rejected.size).toBe(0);
    expect(path.ended).toBeUndefined();
  });

  it('given a case rejected at a step, when its path is read, then that step and the end reached are rejected and nothing is current', () => {
    const path = casePath(
      doc,
      [
        { stateId: 'visit', outcome: 'submit' },
        { stateId: 'big', outcome: 'reject' },
      ],
      ['rejected'],
      { status: 'completed', outcome: 'rejected' },
    );
    expect([...path.rejected].sort()).toEqual(['big', 'rejected']);
    expect(path.ended).toBe('rejected');
    expect(path.current.size).toBe(0);
    expect(path.transitions.has('big|on|reject|0')).toBe(true);
    expect(path.transitions.has('check|always||0')).toBe(true);
    expect(path.visited.has('review')).toBe(false);
  });

  it('given a step approved with a decision leading two ways, when its path is read, then the transition of the decision taken is the one walked', () => {
    const path = casePath(
      doc,
      [
        { stateId: 'visit', outcome: 'submit' },
        { stateId: 'big', outcome: 'approve' },
        { stateId: 'review', outcome: 'reject' },
      ],
      ['rejected'],
      { status: 'completed', outcome: 'rejected' },
    );
    expect(path.transitions.has('big|on|approve|0')).toBe(true);
    expect(path.transitions.has('big|on|reject|0')).toBe(false);
    expect(path.transitions.has('review|on|reject|0')).toBe(true);
    expect([...path.rejected].sort()).toEqual(['rejected', 'review']);
  });
});
