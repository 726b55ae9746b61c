import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../definition/definition-types';
import { createCelEnvironment } from '../expressions';
import { buildMachine } from './machine-builder';
import { pureInitialTransition, pureTransition } from './pure-transition';

const text = { 'zh-CN': '测试', en: 'Test' };
const definition: ProcessDefinition = {
  key: 'gate',
  name: text,
  description: text,
  caseSchema: { type: 'object', properties: { amount: { type: 'number' } } },
  starters: { kind: 'initiator' },
  machine: {
    initial: 'gate',
    states: {
      gate: {
        always: [
          { target: 'big', guard: { type: 'cel', params: { expr: 'data.amount > 10.0' } } },
          { target: 'small' },
        ],
      },
      big: {
        entry: [{ type: 'notify', params: { to: { kind: 'initiator' }, message: text } }],
        on: { go: 'done' },
      },
      small: { on: { go: 'done' } },
      done: { type: 'final' },
    },
  },
};

const actor = { username: 'u', roles: [], units: [] };
const input = (amount: number) => ({
  data: { amount },
  initiator: actor,
  now: '2026-01-01T00:00:00Z',
  actor,
});

describe('pure transitions with a reused actor scope', () => {
  it('given an initial state whose eventless guard reads case data, when cases start, then each takes its own branch', () => {
    const machine = buildMachine(definition, createCelEnvironment({ caseSchema: definition.caseSchema }));
    const [big, bigActions] = pureInitialTransition(machine, input(50));
    const [small, smallActions] = pureInitialTransition(machine, input(5));
    expect(big.value).toBe('big');
    expect(bigActions.map((a) => a.type)).toEqual(['notify']);
    expect(small.value).toBe('small');
    expect(smallActions).toEqual([]);
  });

  it('given a snapshot, when an event is sent twice, then the same result comes back and actions are not executed', () => {
    const machine = buildMachine(definition, createCelEnvironment({ caseSchema: definition.caseSchema }));
    const [start] = pureInitialTransition(machine, input(5));
    const event = { type: 'go', now: '2026-01-01T00:00:00Z', actor };
    const [a] = pureTransition(machine, start, event);
    const [b] = pureTransition(machine, start, event);
    expect(a.value).toBe('done');
    expect(a.status).toBe('done');
    expect(b.value).toBe('done');
    expect(start.value).toBe('small');
  });
});

describe('runaway eventless loops', () => {
  it('given guarded always-transitions that keep holding, when a case starts, then the step is refused instead of hanging', async () => {
    const { step } = await import('../stepping/step');
    const { InMemoryDirectory } = await import('../assignment');
    const looping: ProcessDefinition = {
      ...definition,
      key: 'loop',
      machine: {
        initial: 'a',
        states: {
          a: { always: { target: 'b', guard: { type: 'cel', params: { expr: 'data.amount > 0.0' } } } },
          b: { always: { target: 'a', guard: { type: 'cel', params: { expr: 'data.amount > 0.0' } } } },
          done: { type: 'final' },
        },
      },
    };
    const directory = new InMemoryDirectory({
      users: [{ username: 'u', displayName: text }],
      units: [],
      memberships: [],
      contracts: [],
    });
    expect(() =>
      step(
        { definition: looping, forms: {} },
        undefined,
        { type: 'start', instanceId: 'x', data: { amount: 1 } },
        { now: '2026-01-01T00:00:00Z', actor: { username: 'u' }, directory, locale: 'zh-CN' },
      ),
    ).toThrow(/loops through automatic transitions/);
  });
});
