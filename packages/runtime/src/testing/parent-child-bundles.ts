import type { DefinitionBundle } from '@flowform/engine';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const ok = [{ key: 'ok', label: text('确定', 'OK') }];

/** A parent that waits an hour, then waits for a child case, then ends. */
export const parentBundle: DefinitionBundle = {
  definition: {
    key: 'parent-flow',
    name: text('父流程', 'Parent'),
    description: text('测试', 'Test'),
    caseSchema: {
      type: 'object',
      properties: { amount: { type: 'number' }, childResult: { type: 'string' } },
    },
    starters: { kind: 'users', users: ['w1'] },
    machine: {
      initial: 'pause',
      states: {
        pause: { after: { PT1H: 'wait' } },
        wait: {
          invoke: { process: 'child-flow', input: { amount: 'data.amount * 2.0' }, onDone: 'done' },
          on: { abort: 'aborted' },
        },
        done: { type: 'final' },
        aborted: { type: 'final' },
      },
    },
  },
  forms: {},
};

/** A child with one task for the station head. */
export const childBundle: DefinitionBundle = {
  definition: {
    key: 'child-flow',
    name: text('子流程', 'Child'),
    description: text('测试', 'Test'),
    caseSchema: { type: 'object', properties: { amount: { type: 'number' } } },
    starters: { kind: 'users', users: ['admin'] },
    machine: {
      initial: 'check',
      states: {
        check: {
          task: {
            title: text('核对', 'Check'),
            assignment: { kind: 'users', users: ['head'] },
            outcomes: ok,
          },
          on: { ok: 'finished' },
        },
        finished: { type: 'final' },
      },
    },
  },
  forms: {},
};
