/** Sample forms shared by the tests: a realistic penalty form and a generated 20-field form. */
import type { FormDefinition } from '../definition/definition-types';

/** A penalty notice (罚款通知) exercising most keywords forms use. */
export function penaltyForm(): FormDefinition {
  return {
    key: 'penalty',
    title: { 'zh-CN': '罚款通知', en: 'Penalty notice' },
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['facts', 'amount', 'payment', 'items', 'agree'],
      properties: {
        facts: { type: 'string', title: '事实经过', minLength: 1, maxLength: 500 },
        amount: { type: 'number', title: '罚款金额', minimum: 0, maximum: 5000, multipleOf: 0.01 },
        payment: {
          type: 'string',
          title: '缴款方式',
          enum: ['cash', 'transfer'],
          enumNames: ['现金', '转账'],
        },
        level: {
          type: 'string',
          title: '严重程度',
          oneOf: [
            { const: 'minor', title: '一般' },
            { const: 'major', title: '严重' },
          ],
        },
        date: { type: 'string', title: '发生日期', format: 'date' },
        email: { type: 'string', title: '联系邮箱', format: 'email' },
        code: { type: 'string', title: '文书编号', pattern: '^[A-Z]{2}-\\d{4}$' },
        agree: { type: 'boolean', title: '我已阅读告知书', const: true },
        note: { type: ['string', 'null'], title: '备注' },
        items: {
          type: 'array',
          title: '费用明细',
          minItems: 1,
          maxItems: 20,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: {
              name: { type: 'string', title: '名称', minLength: 1 },
              count: { type: 'integer', title: '数量', exclusiveMinimum: 0 },
            },
          },
        },
      },
      if: { properties: { amount: { const: 5000 } }, required: ['amount'] },
      then: { required: ['note'] },
    },
    labels: {
      '/facts': { en: 'Facts' },
      '/amount': { en: 'Fine amount' },
      '/payment': { en: 'Payment method' },
      '/agree': { en: 'I have read the notice' },
      '/items': { en: 'Expenses' },
      '/items/name': { en: 'Name' },
    },
  };
}

/** Data the penalty form accepts. */
export function validPenalty(): Record<string, unknown> {
  return {
    facts: '当事人在禁停区域停车。',
    amount: 19.99,
    payment: 'cash',
    level: 'minor',
    date: '2024-01-31',
    email: 'zhang.san@example.com',
    code: 'AB-1234',
    agree: true,
    items: [{ name: '停车费', count: 1 }],
  };
}

/** A flat 20-field form and matching data, the size the speed goal is stated for. */
export function twentyFieldForm(): { form: FormDefinition; data: Record<string, unknown> } {
  const properties: Record<string, unknown> = {};
  const data: Record<string, unknown> = {};
  for (let i = 0; i < 20; i++) {
    const kind = i % 4;
    properties[`f${i}`] = [
      { type: 'string', title: `文本${i}`, minLength: 1, maxLength: 100 },
      { type: 'number', title: `数字${i}`, minimum: 0 },
      { type: 'string', title: `选项${i}`, enum: ['a', 'b'] },
      { type: 'string', title: `日期${i}`, format: 'date' },
    ][kind];
    data[`f${i}`] = ['文本', 42, 'b', '2024-01-31'][kind];
  }
  const schema = {
    type: 'object',
    additionalProperties: false,
    required: Object.keys(properties),
    properties,
  };
  return { form: { key: 'twenty', title: { 'zh-CN': '二十', en: 'Twenty' }, schema }, data };
}
