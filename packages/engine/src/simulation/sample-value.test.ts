import { describe, expect, it } from 'vitest';
import { smallDirectory } from '../stepping/fixtures/expense-bundle';
import { sampleCatalogue } from './sample-catalogue';
import { sampleValue } from './sample-value';

const ctx = sampleCatalogue(smallDirectory, '2026-03-02T08:00:00.000Z');

describe('sampleValue', () => {
  it.each([
    ['a date, from the virtual clock', { type: 'string', format: 'date' }, '2026-03-02'],
    ['a default', { type: 'string', enum: ['a', 'b'], default: 'b' }, 'b'],
    ['an integer choice', { type: 'integer', oneOf: [{ const: 3 }, { const: 4 }] }, 3],
    ['a bounded number', { type: 'number', minimum: 2.5, maximum: 9 }, 2.5],
    ['a pattern', { type: 'string', pattern: '^RK-[0-9]{4}$' }, 'RK-0000'],
    ['a minimum length', { type: 'string', minLength: 6, maxLength: 8 }, '模拟填写。。'],
  ])('given %s, then a valid value', (_, schema, value) => {
    expect(sampleValue(schema, undefined, ctx)).toEqual(value);
  });

  it('given user and unit widgets with hints, then people holding the roles and units of the kinds', () => {
    const users = { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'string' } };
    const ui = { items: { 'ui:widget': 'user', 'ui:options': { roles: ['workerRep'] } } };
    expect(sampleValue(users, ui, ctx)).toEqual(['r1', 'r2']);
    expect(
      sampleValue({ type: 'string' }, { 'ui:widget': 'unit', 'ui:options': { kinds: ['station'] } }, ctx),
    ).toBe('s1');
  });

  it('given a value already there that breaks a limit, then a fresh value replaces it', () => {
    expect(sampleValue({ type: 'number', exclusiveMinimum: 0, multipleOf: 0.01 }, undefined, ctx, 0, 0)).toBe(
      0.01,
    );
    expect(sampleValue({ type: 'number', minimum: 0 }, undefined, ctx, 0, 7)).toBe(7);
  });

  it('given list items already there, then they are kept and completed', () => {
    const schema = {
      type: 'array',
      items: { type: 'object', properties: { who: { type: 'string' }, talker: { type: 'string' } } },
    };
    const ui = { items: { talker: { 'ui:widget': 'user', 'ui:options': { roles: ['districtLeader'] } } } };
    expect(sampleValue(schema, ui, ctx, 0, [{ who: 'w1' }])).toEqual([{ who: 'w1', talker: 'boss' }]);
  });
});
