import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../index';
import { smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Starts a detached child on `go`, then ends; or waits for an invoked child in `waiting`. */
const bundle: DefinitionBundle = {
  definition: {
    key: 'detached',
    name: text('分离子流程', 'Detached child'),
    description: text('测试', 'Test'),
    caseSchema: { type: 'object', properties: {} },
    starters: { kind: 'users', users: ['w1'] },
    machine: {
      initial: 'deciding',
      states: {
        deciding: {
          task: {
            title: text('决定', 'Decide'),
            assignment: { kind: 'users', users: ['sec'] },
            outcomes: [
              { key: 'go', label: text('发起后结束', 'Start and end') },
              { key: 'wait', label: text('等待', 'Wait') },
            ],
          },
          on: {
            go: { target: 'done', actions: [{ type: 'startChild', params: { process: 'other' } }] },
            wait: 'waiting',
          },
        },
        waiting: {
          invoke: { process: 'other', onDone: 'done' },
          on: { stop: 'done' },
          task: {
            title: text('停止', 'Stop'),
            assignment: { kind: 'users', users: ['sec'] },
            outcomes: [{ key: 'stop', label: text('停止', 'Stop') }],
          },
        },
        done: { type: 'final' },
      },
    },
  },
  forms: {},
};

function started(): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('w1', {});
  return h;
}

describe('children when a case ends', () => {
  it('given a child started by an action, when the case completes, then the child keeps running', () => {
    const h = started();
    h.complete('sec', 'go');
    expect(h.snap.status).toBe('completed');
    expect(h.snap.children.map((c) => c.status)).toEqual(['running']);
    expect(h.effects.filter((e) => e.type === 'cancelChild')).toEqual([]);
  });

  it('given a child started by an action, when an administrator cancels the case, then the child is cancelled', () => {
    const h = new StepHarness(
      { ...bundle, definition: { ...bundle.definition, machine: withoutEnd(bundle) } },
      smallDirectory,
    );
    h.start('w1', {});
    h.complete('sec', 'go');
    h.run('admin', { type: 'cancel' });
    expect(h.snap.children.map((c) => c.status)).toEqual(['cancelled']);
    expect(h.effects).toContainEqual({ type: 'cancelChild', childId: h.snap.children[0]!.id });
  });

  it('given an invoked child, when the case leaves the waiting state, then the child is cancelled', () => {
    const h = started();
    h.complete('sec', 'wait');
    h.complete('sec', 'stop');
    expect(h.snap.status).toBe('completed');
    expect(h.snap.children.map((c) => c.status)).toEqual(['cancelled']);
  });
});

/** The same machine, but `go` leads to a state that waits instead of ending. */
function withoutEnd(b: DefinitionBundle) {
  const machine = structuredClone(b.definition.machine);
  const deciding = machine.states.deciding!;
  deciding.on = {
    ...deciding.on,
    go: { target: 'waiting', actions: [{ type: 'startChild', params: { process: 'other' } }] },
  };
  machine.states.waiting = { ...machine.states.waiting!, invoke: undefined };
  return machine;
}
