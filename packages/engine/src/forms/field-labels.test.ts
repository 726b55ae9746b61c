import { describe, expect, it } from 'vitest';
import type { LabelContext } from './field-labels';
import { fieldLabel, schemaAt } from './field-labels';

const root = {
  type: 'object',
  title: '报销单',
  $defs: { person: { type: 'object', properties: { name: { type: 'string', title: '姓名' } } } },
  properties: {
    applicant: { $ref: '#/$defs/person', title: '申请人' },
    items: {
      type: 'array',
      title: '费用明细',
      items: { type: 'object', properties: { amount: { type: 'number', title: '金额' } } },
    },
    pair: {
      type: 'array',
      prefixItems: [
        { type: 'string', title: '起' },
        { type: 'string', title: '止' },
      ],
    },
    extra: { type: 'object', additionalProperties: { type: 'string', title: '附加项' } },
  },
  allOf: [{ properties: { hidden: { type: 'string', title: '隐藏字段' } } }],
};

const zh: LabelContext = { root, labels: undefined, locale: 'zh-CN' };

describe('fieldLabel', () => {
  it('given a top-level field, when labelled in zh-CN, then its title is quoted with corner brackets', () => {
    expect(fieldLabel(zh, ['items'])).toBe('「费用明细」');
  });

  it('given a field inside a list, when labelled, then the row is named', () => {
    expect(fieldLabel(zh, ['items', '2', 'amount'])).toBe('「费用明细」第 3 项的「金额」');
    expect(fieldLabel(zh, ['items', '0'])).toBe('「费用明细」第 1 项');
  });

  it('given fields reached through $ref, tuples, additionalProperties and allOf, when labelled, then titles are found', () => {
    expect(fieldLabel(zh, ['applicant'])).toBe('「申请人」');
    expect(fieldLabel(zh, ['applicant', 'name'])).toBe('「姓名」');
    expect(fieldLabel(zh, ['pair', '1'])).toBe('「pair」第 2 项');
    expect(schemaAt(root, ['pair', '1'])?.title).toBe('止');
    expect(fieldLabel(zh, ['extra', 'color'])).toBe('「附加项」');
    expect(fieldLabel(zh, ['hidden'])).toBe('「隐藏字段」');
  });

  it('given English labels keyed in any accepted style, when labelled in English, then they are used', () => {
    for (const key of [
      '/items/amount',
      '/items/*/amount',
      '/items/0/amount',
      'items.amount',
      'items.0.amount',
    ]) {
      const ctx: LabelContext = {
        root,
        locale: 'en',
        labels: { [key]: { en: 'Amount' }, '/items': { en: 'Expenses' } },
      };
      expect(fieldLabel(ctx, ['items', '0', 'amount'])).toBe('"Amount" ("Expenses" item 1)');
    }
  });

  it('given no English label, when labelled in English, then the title and then the key stand in', () => {
    const en: LabelContext = { root, labels: {}, locale: 'en' };
    expect(fieldLabel(en, ['items'])).toBe('"费用明细"');
    expect(fieldLabel(en, ['unknown'])).toBe('"unknown"');
  });

  it('given the root, when labelled, then the form data is named', () => {
    expect(fieldLabel(zh, [])).toBe('表单数据');
    expect(fieldLabel({ ...zh, locale: 'en' }, [])).toBe('The form data');
  });

  it('given a cyclic $ref, when labelled, then the lookup gives up instead of looping', () => {
    const cyclic = { $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' };
    expect(fieldLabel({ root: cyclic, labels: undefined, locale: 'zh-CN' }, ['x'])).toBe('「x」');
  });
});
