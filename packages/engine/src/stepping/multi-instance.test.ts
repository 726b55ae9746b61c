import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../index';
import { smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { replay } from './replay';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Peers (`data.peers`) score each other: one task per rater per peer, never themselves. */
const bundle: DefinitionBundle = {
  definition: {
    key: 'peer-scoring',
    name: text('互评', 'Peer scoring'),
    description: text('测试', 'Test'),
    caseSchema: {
      type: 'object',
      properties: {
        peers: { type: 'array', items: { type: 'string' } },
        sheets: {
          type: 'array',
          items: { type: 'object', properties: { item: { type: 'string' }, score: { type: 'number' } } },
        },
      },
    },
    starters: { kind: 'users', users: ['boss'] },
    machine: {
      initial: 'scoring',
      states: {
        scoring: {
          task: {
            title: text('评分', 'Score'),
            form: 'score',
            assignment: { kind: 'field', field: 'peers' },
            multiInstance: { forEach: 'data.peers', notPerformedBy: 'item' },
            responses: 'sheets',
            outcomes: [{ key: 'submit', label: text('提交', 'Submit') }],
            operations: ['transfer', 'claim'],
            // 转办 may reach a worker outside the peers (the default reach is the assignment's).
            reach: { transfer: { kind: 'users', users: ['w2'] } },
          },
          on: { submit: 'done' },
        },
        done: { type: 'final' },
      },
    },
  },
  forms: {
    score: {
      key: 'score',
      title: text('评分', 'Score'),
      schema: {
        type: 'object',
        additionalProperties: false,
        properties: { score: { type: 'number', minimum: 0, maximum: 100 } },
        required: ['score'],
      },
    },
  },
};

const PEERS = ['head', 'sec', 'w1'];

function started(): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('boss', { peers: PEERS });
  return h;
}

const pairs = (h: StepHarness) => h.snap.tasks.map((t) => `${t.assignee}→${String(t.item)}`).sort();

describe('multi-instance tasks (多实例)', () => {
  it('given three peers, when scoring opens, then each scores each other peer once and never themself', () => {
    const h = started();
    expect(pairs(h)).toEqual(['head→sec', 'head→w1', 'sec→head', 'sec→w1', 'w1→head', 'w1→sec']);
  });

  it('given instances open, when all but one are done, then the state waits; the last one moves it on', () => {
    const h = started();
    const open = [...h.snap.tasks];
    for (const [i, task] of open.entries()) {
      expect(h.snap.machine.value).toBe('scoring');
      h.run(task.assignee!, {
        type: 'complete',
        taskId: task.id,
        outcome: 'submit',
        data: { score: 60 + i },
      });
    }
    expect(h.snap.status).toBe('completed');
    const sheets = h.snap.data.sheets as { item: string; by: string; score: number }[];
    expect(sheets.map((s) => `${s.by}→${s.item}:${s.score}`)).toEqual(
      open.map((t, i) => `${t.assignee}→${String(t.item)}:${60 + i}`),
    );
  });

  it('given a rater, when they transfer an instance to the peer it scores, then the separation rule refuses it', () => {
    const h = started();
    const task = h.snap.tasks.find((t) => t.assignee === 'head' && t.item === 'sec')!;
    expect(() => h.run('head', { type: 'transfer', taskId: task.id, to: 'sec' })).toThrow(
      expect.objectContaining({ code: 'not-permitted', details: { separation: 'sec' } }),
    );
    h.run('head', { type: 'transfer', taskId: task.id, to: 'w2' });
    expect(h.snap.tasks.find((t) => t.id === task.id)?.assignee).toBe('w2');
  });

  it('given the peers include the starter only once, when nobody is left to score, then the state moves on', () => {
    const h = new StepHarness(bundle, smallDirectory);
    h.start('boss', { peers: ['head'] });
    expect(h.snap.status).toBe('completed');
  });

  it('given an assignee per element, when scoring opens, then each element goes only to the person it names', () => {
    const perItem = structuredClone(bundle);
    perItem.definition.machine.states.scoring!.task!.multiInstance = {
      forEach: 'data.peers',
      assignee: 'item == "head" ? "sec" : item',
      notPerformedBy: 'item',
    };
    const h = new StepHarness(perItem, smallDirectory);
    h.start('boss', { peers: PEERS });
    expect(pairs(h)).toEqual(['sec→head']);
  });

  it('given a finished case, when its audit log is replayed, then the same snapshot comes out', () => {
    const h = started();
    for (const task of [...h.snap.tasks])
      h.run(task.assignee!, { type: 'complete', taskId: task.id, outcome: 'submit', data: { score: 70 } });
    const replayed = replay(bundle, JSON.parse(JSON.stringify(h.audit)), h.directory);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(h.snap));
  });
});
