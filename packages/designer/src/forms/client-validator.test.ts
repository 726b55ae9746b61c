import { describe, expect, it } from 'vitest';
import { createClientValidator, toErrorSchema, validateForm } from './client-validator';

const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    category: {
      title: '类别',
      type: 'string',
      oneOf: [
        { const: 'family', title: '困难家庭' },
        { const: 'survivor', title: '职工遗属' },
      ],
    },
    deceased: { title: '已故职工姓名', type: 'string' },
    phone: { title: '联系电话', type: 'string', pattern: '^[0-9+-]{7,20}$' },
    amount: { title: '申请金额', type: 'number', minimum: 0, maximum: 50000, multipleOf: 0.01 },
    visitedOn: { title: '走访日期', type: 'string', format: 'date' },
    files: {
      title: '证明材料',
      type: 'array',
      items: {
        type: 'object',
        properties: { note: { title: '附件说明', type: 'string', minLength: 1 } },
        required: ['note'],
      },
    },
  },
  required: ['category', 'amount'],
  allOf: [
    {
      if: { properties: { category: { const: 'survivor' } }, required: ['category'] },
      then: { required: ['deceased'] },
    },
  ],
};
const labels = {
  '/amount': { en: 'Amount' },
  '/category': { en: 'Category' },
  '/category/family': { en: 'Family' },
};

describe('the client validator', () => {
  it('given missing and wrong fields, when checked in Chinese, then the messages are the server wording', () => {
    const errors = validateForm(
      schema,
      { phone: 'abc', amount: 1.234, visitedOn: '2026-02-30', files: [{}] },
      undefined,
      'zh-CN',
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: '/category', message: '请填写「类别」' },
        { path: '/phone', message: '「联系电话」的格式不正确' },
        { path: '/amount', message: '「申请金额」最多保留 2 位小数' },
        { path: '/visitedOn', message: '「走访日期」应为有效的日期，如 2024-01-31' },
        { path: '/files/0/note', message: '请填写「证明材料」第 1 项的「附件说明」' },
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it('given a condition, when the survivor category is chosen, then the conditional field is required', () => {
    expect(validateForm(schema, { category: 'survivor', amount: 1 }, undefined, 'zh-CN')).toEqual([
      { path: '/deceased', message: '请填写「已故职工姓名」' },
    ]);
  });

  it('given English, when checked, then labels and option names come from the labels', () => {
    expect(validateForm(schema, { category: 'x', amount: -1 }, labels, 'en')).toEqual([
      { path: '/category', message: '"Category" must be one of: Family, 职工遗属' },
      { path: '/amount', message: '"Amount" must be ≥ 0' },
    ]);
  });

  it('given an unknown field, when checked, then it is named like the server does', () => {
    expect(validateForm(schema, { category: 'family', amount: 1, extra: 1 }, undefined, 'zh-CN')).toEqual([
      { path: '/extra', message: '表单数据中包含未定义的字段「extra」' },
    ]);
  });

  it('given errors, when given to rjsf, then they nest by field and the validator answers rjsf', () => {
    expect(toErrorSchema([{ path: '/files/0/note', message: 'm' }])).toEqual({
      files: { 0: { note: { __errors: ['m'] } } },
    });
    const validator = createClientValidator(undefined, 'zh-CN');
    expect(validator.isValid(schema as never, { category: 'family', amount: 1 }, schema as never)).toBe(true);
    expect(validator.validateFormData({ amount: 1 }, schema as never).errors.map((e) => e.message)).toEqual([
      '请填写「类别」',
    ]);
  });
});
