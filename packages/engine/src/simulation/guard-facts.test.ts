import { describe, expect, it } from 'vitest';
import type { ProcessDefinition } from '../definition/definition-types';
import { indexStates } from '../machine/state-index';
import { expenseBundle } from '../stepping/fixtures/expense-bundle';
import { guardFacts } from './guard-facts';

describe('guardFacts', () => {
  it('given the expense claim, then the amount is guarded against the threshold parameter', () => {
    const def = expenseBundle.definition;
    const facts = guardFacts(def, indexStates(def.machine));
    expect([...facts.guardFields]).toEqual(['amount']);
    expect(facts.thresholds.get('amount')).toEqual([5000]);
  });

  it('given a computed field a guard reads, then the fields it is computed from feed that threshold', () => {
    const def: ProcessDefinition = {
      ...expenseBundle.definition,
      parameters: {
        rate: { value: 5, label: { 'zh-CN': '比例', en: 'Rate' } },
        limit: { value: 100, label: { 'zh-CN': '限额', en: 'Limit' } },
      },
      machine: {
        initial: 'count',
        states: {
          count: {
            always: [
              {
                target: 'big',
                guard: { type: 'cel', params: { expr: 'data.note.size() > 3 && data.level > params.limit' } },
              },
              {
                target: 'small',
                actions: [
                  { type: 'assignCel', params: { field: 'level', expr: 'data.amount * params.rate' } },
                ],
              },
            ],
          },
          big: { type: 'final' },
          small: { type: 'final' },
        },
      },
    };
    const facts = guardFacts(def, indexStates(def.machine));
    expect([...facts.guardFields].sort()).toEqual(['level', 'note']);
    expect(facts.feeds.get('amount')).toEqual([100]);
  });
  it('given a computed case field a guard reads, then the fields it is computed from feed that threshold', () => {
    const def: ProcessDefinition = {
      ...expenseBundle.definition,
      parameters: { limit: { value: 1000, label: { 'zh-CN': '限额', en: 'Limit' } } },
      computed: { level: 'sum(data.repVotes.map(v, 1.0)) * 5.0' },
      machine: {
        initial: 'count',
        states: {
          count: {
            always: [
              { target: 'big', guard: { type: 'cel', params: { expr: 'data.level > params.limit' } } },
              { target: 'small' },
            ],
          },
          big: { type: 'final' },
          small: { type: 'final' },
        },
      },
    };
    const facts = guardFacts(def, indexStates(def.machine));
    expect(facts.feeds.get('repVotes')).toEqual([1000]);
  });

  it("given a guard on the case unit's kind, then the definition's unit field is guarded", () => {
    const def: ProcessDefinition = {
      ...expenseBundle.definition,
      unitField: 'unit',
      machine: {
        initial: 'route',
        states: {
          route: {
            always: [
              { target: 'station', guard: { type: 'cel', params: { expr: 'caseUnit.kind == "station"' } } },
              { target: 'other' },
            ],
          },
          station: { type: 'final', outcome: 'completed' },
          other: { type: 'final', outcome: 'completed' },
        },
      },
    };
    expect([...guardFacts(def, indexStates(def.machine)).guardFields]).toEqual(['unit']);
    const without: ProcessDefinition = { ...def, unitField: undefined };
    expect([...guardFacts(without, indexStates(without.machine)).guardFields]).toEqual([]);
  });
});
