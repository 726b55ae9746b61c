import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../definition/definition-types';
import { smallDirectory } from '../stepping/fixtures/expense-bundle';
import { formSamples } from './form-samples';
import type { GuardFacts } from './guard-facts';
import { sampleCatalogue } from './sample-catalogue';

const ctx = sampleCatalogue(smallDirectory, '2026-03-02T08:00:00.000Z', new Set(['unit']));

const form: FormDefinition = {
  key: 'x.decide',
  title: { 'zh-CN': '决定', en: 'Decide' },
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['handling', 'unit'],
    properties: {
      handling: { type: 'string', oneOf: [{ const: 'criticism' }, { const: 'fine' }] },
      fineAmount: { type: 'number', minimum: 0, maximum: 20000, multipleOf: 0.01 },
      urgent: { type: 'boolean', default: false },
      unit: { type: 'string' },
      items: {
        type: 'array',
        maxItems: 5,
        items: { type: 'object', properties: { no: { type: 'string', pattern: '^N-[0-9]{2}$' } } },
      },
      note: { type: 'string', maxLength: 20 },
    },
    allOf: [
      {
        if: { properties: { handling: { const: 'fine' } }, required: ['handling'] },
        then: {
          properties: { fineAmount: { type: 'number', exclusiveMinimum: 0 } },
          required: ['fineAmount'],
        },
      },
    ],
  },
};

const facts: GuardFacts = {
  guardFields: new Set(['handling', 'fineAmount', 'urgent']),
  thresholds: new Map([['fineAmount', [500]]]),
  feeds: new Map([['items', []]]),
  guards: [],
};

describe('formSamples', () => {
  const samples = formSamples(form, {}, facts, ctx).map((s) => s.data);

  it('given a form, when sampled, then the plain sample fills every field with the first choice and smallest number', () => {
    expect(samples[0]).toEqual({
      handling: 'criticism',
      fineAmount: 0,
      urgent: false,
      unit: 'b1',
      items: [{ no: 'N-00' }],
      note: '模拟填写',
    });
  });

  it('given guarded fields, when sampled, then each other option, the opposite flag and numbers around the threshold are tried', () => {
    expect(samples.slice(1)).toEqual([
      expect.objectContaining({ handling: 'fine', fineAmount: 0.01 }),
      expect.objectContaining({ handling: 'criticism', fineAmount: 499 }),
      expect.objectContaining({ fineAmount: 500 }),
      expect.objectContaining({ fineAmount: 501 }),
      expect.objectContaining({ urgent: true }),
      expect.objectContaining({ items: [{ no: 'N-01' }] }),
      expect.objectContaining({ items: [{ no: 'N-00' }, { no: 'N-00' }] }),
    ]);
  });

  it('given case data already there, when sampled, then it is kept, and read-only fields are left out', () => {
    const base = formSamples(
      form,
      { handling: 'fine', fineAmount: 800, note: '已填' },
      facts,
      ctx,
      new Set(['fineAmount']),
    )[0]!.data;
    expect(base).toMatchObject({ handling: 'fine', note: '已填' });
    expect(base).not.toHaveProperty('fineAmount');
  });

  it('given the variants, then each says what it changes', () => {
    expect(formSamples(form, {}, facts, ctx).map((s) => s.note)).toEqual([
      undefined,
      'handling="fine"',
      'fineAmount=499',
      'fineAmount=500',
      'fineAmount=501',
      'urgent=true',
      'items=[{"no":"N-01"}]',
      'items=[{"no":"N-00"},{"no":"N-00"}]',
    ]);
  });

  it('given a list whose values are summed into a guarded field, then rows scaled past the threshold are tried', () => {
    const receipt: FormDefinition = {
      key: 'x.receipt',
      title: { 'zh-CN': '入库', en: 'Receipt' },
      schema: {
        type: 'object',
        properties: {
          rows: {
            type: 'array',
            maxItems: 3,
            items: {
              type: 'object',
              required: ['no', 'value'],
              properties: {
                no: { type: 'string', pattern: '^N-[0-9]{2}$' },
                value: { type: 'number', minimum: 0, maximum: 50000 },
              },
            },
          },
        },
      },
    };
    const feeding: GuardFacts = { ...facts, feeds: new Map([['rows', [1000]]]) };
    const rows = formSamples(receipt, {}, feeding, ctx).map((s) => s.data.rows);
    expect(rows).toContainEqual([{ no: 'N-00', value: 10000 }]);
    expect(rows).toContainEqual([{ no: 'N-00', value: 50000 }]);
  });
});
