import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../index';
import { smallDirectory } from '../stepping/fixtures/expense-bundle';
import { StepHarness } from '../stepping/fixtures/step-harness';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The first state only checks and records, then hands over to a task. */
const bundle: DefinitionBundle = {
  definition: {
    key: 'checked-start',
    name: text('开始即检查', 'Checked at start'),
    description: text('测试', 'Test'),
    caseSchema: { type: 'object', properties: { by: { type: 'string' }, late: { type: 'boolean' } } },
    starters: { kind: 'users', users: ['w1'] },
    machine: {
      initial: 'check',
      states: {
        check: {
          always: {
            target: 'work',
            guard: { type: 'cel', params: { expr: 'actor.username == "w1"' } },
            actions: [
              { type: 'assignCel', params: { field: 'by', expr: 'actor.username' } },
              {
                type: 'assignCel',
                params: { field: 'late', expr: 'now > timestamp("2026-03-01T00:00:00Z")' },
              },
            ],
          },
        },
        work: {
          task: {
            title: text('办理', 'Work'),
            assignment: { kind: 'users', users: ['sec'] },
            outcomes: [{ key: 'done', label: text('完成', 'Done') }],
          },
          on: { done: 'end' },
        },
        end: { type: 'final' },
      },
    },
  },
  forms: {},
};

describe('eventless transitions of a new case', () => {
  it('given guards and actions using actor and now, when the case starts, then they see the start command', () => {
    const h = new StepHarness(bundle, smallDirectory);
    h.start('w1', {});
    expect(h.states()).toEqual(['work']);
    expect(h.snap.data).toEqual({ by: 'w1', late: true });
  });
});
