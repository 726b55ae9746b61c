import { beforeAll, describe, expect, it } from 'vitest';
import { createAjvChecker } from './ajv-checker';
import type { FormValidation, Locale } from './form-types';
import type { FormValidator } from './form-validator';
import { formValidatorWith } from './form-validator';
import { createInterpretingChecker } from './interpreter/interpreting-checker';

/** Every wording holds for both checkers: ajv (the server) and the interpreter (the browser). */
const VALIDATORS: [string, FormValidator][] = [
  ['ajv', formValidatorWith(createAjvChecker())],
  ['the interpreter', formValidatorWith(createInterpretingChecker())],
];
let validator: FormValidator = VALIDATORS[0]![1];

/** Validates `value` as field `x` (titled 字段, English "Field") of an object form and returns the messages. */
function messagesFor(field: Record<string, unknown>, value: unknown, locale: Locale): string[] {
  const schema = { type: 'object', properties: { x: { title: '字段', ...field } } };
  const result: FormValidation = validator.validateSchema(schema, { x: value }, locale, {
    '/x': { en: 'Field' },
  });
  return result.ok ? [] : result.errors.map((e) => e.message);
}

const CASES: [string, Record<string, unknown>, unknown, string, string][] = [
  ['type number', { type: 'number' }, 'abc', '「字段」应为数字', '"Field" must be a number'],
  ['type integer', { type: 'integer' }, 1.5, '「字段」应为整数', '"Field" must be a whole number'],
  ['type union', { type: ['string', 'null'] }, 1, '「字段」应为文本或空值', '"Field" must be text or empty'],
  ['minimum', { type: 'number', minimum: 0 }, -1, '「字段」不能小于 0', '"Field" must be ≥ 0'],
  ['maximum', { type: 'number', maximum: 5000 }, 5001, '「字段」不能大于 5000', '"Field" must be ≤ 5000'],
  [
    'exclusiveMinimum',
    { type: 'number', exclusiveMinimum: 0 },
    0,
    '「字段」必须大于 0',
    '"Field" must be > 0',
  ],
  [
    'exclusiveMaximum',
    { type: 'number', exclusiveMaximum: 100 },
    100,
    '「字段」必须小于 100',
    '"Field" must be < 100',
  ],
  ['minLength 1', { type: 'string', minLength: 1 }, '', '请填写「字段」', '"Field" is required'],
  [
    'minLength',
    { type: 'string', minLength: 10 },
    '太短',
    '「字段」不能少于 10 个字符',
    '"Field" must be at least 10 characters',
  ],
  [
    'maxLength',
    { type: 'string', maxLength: 3 },
    '一二三四',
    '「字段」不能超过 3 个字符',
    '"Field" must be at most 3 characters',
  ],
  [
    'pattern',
    { type: 'string', pattern: '^\\d{6}$' },
    '12345',
    '「字段」的格式不正确',
    '"Field" is not in the expected format',
  ],
  [
    'format date',
    { type: 'string', format: 'date' },
    '2024-02-30',
    '「字段」应为有效的日期，如 2024-01-31',
    '"Field" must be a valid date, e.g. 2024-01-31',
  ],
  [
    'format date-time',
    { type: 'string', format: 'date-time' },
    '2024-01-31 9:30',
    '「字段」应为有效的日期时间，如 2024-01-31T09:30:00+08:00',
    '"Field" must be a valid date and time, e.g. 2024-01-31T09:30:00+08:00',
  ],
  [
    'format email',
    { type: 'string', format: 'email' },
    'zhang@',
    '「字段」应为有效的电子邮箱地址',
    '"Field" must be a valid email address',
  ],
  [
    'format uri',
    { type: 'string', format: 'uri' },
    'not a url',
    '「字段」应为有效的网址，如 https://example.com',
    '"Field" must be a valid URL, e.g. https://example.com',
  ],
  [
    'enum',
    { type: 'string', enum: ['a', 'b'] },
    'c',
    '「字段」只能是以下选项之一：a、b',
    '"Field" must be one of: a, b',
  ],
  [
    'enum with enumNames',
    { type: 'string', enum: ['cash', 'transfer'], enumNames: ['现金', '转账'] },
    'card',
    '「字段」只能是以下选项之一：现金、转账',
    '"Field" must be one of: 现金, 转账',
  ],
  [
    'oneOf const + title',
    {
      type: 'string',
      oneOf: [
        { const: 'minor', title: '一般' },
        { const: 'major', title: '严重' },
      ],
    },
    'other',
    '「字段」只能是以下选项之一：一般、严重',
    '"Field" must be one of: 一般, 严重',
  ],
  [
    'minItems',
    { type: 'array', minItems: 2 },
    [1],
    '「字段」至少需要 2 项',
    '"Field" must have at least 2 items',
  ],
  [
    'maxItems',
    { type: 'array', maxItems: 1 },
    [1, 2],
    '「字段」最多只能有 1 项',
    '"Field" may have at most 1 item',
  ],
  ['const true', { type: 'boolean', const: true }, false, '请勾选「字段」', 'Please tick "Field"'],
  ['const', { type: 'string', const: 'yes' }, 'no', '「字段」必须为 yes', '"Field" must be yes'],
  [
    'multipleOf decimals',
    { type: 'number', multipleOf: 0.01 },
    1.005,
    '「字段」最多保留 2 位小数',
    '"Field" may have at most 2 decimal places',
  ],
  [
    'multipleOf',
    { type: 'number', multipleOf: 5 },
    7,
    '「字段」必须是 5 的整数倍',
    '"Field" must be a multiple of 5',
  ],
  [
    'additionalProperties',
    { type: 'object', properties: {}, additionalProperties: false },
    { y: 1 },
    '「字段」中包含未定义的字段「y」',
    '"Field" contains an unknown field "y"',
  ],
  [
    'propertyNames',
    { type: 'object', propertyNames: { pattern: '^[a-z]+$' } },
    { A1: 1 },
    '「字段」中的字段名「A1」不符合要求',
    '"Field" contains a field name that is not allowed: "A1"',
  ],
  [
    'uniqueItems',
    { type: 'array', uniqueItems: true },
    [1, 2, 1],
    '「字段」的第 1 项与第 3 项重复',
    'In "Field", items 1 and 3 are the same',
  ],
  [
    'not',
    { type: 'string', not: { const: 'x' } },
    'x',
    '「字段」的值不被允许',
    '"Field" has a value that is not allowed',
  ],
  [
    'anyOf without consts',
    { anyOf: [{ type: 'string', minLength: 3 }, { type: 'number' }] },
    'ab',
    '「字段」的填写不符合要求',
    '"Field" is invalid',
  ],
];

describe.each(VALIDATORS)('error messages (checked by %s)', (_name, current) => {
  beforeAll(() => {
    validator = current;
  });

  it.each(CASES)(
    'given a %s violation, when validated in zh-CN, then the message reads naturally',
    (_, field, value, zh) => {
      expect(messagesFor(field, value, 'zh-CN')).toEqual([zh]);
    },
  );

  it.each(CASES)(
    'given a %s violation, when validated in English, then the English label is used',
    (_, field, value, _zh, en) => {
      expect(messagesFor(field, value, 'en')).toEqual([en]);
    },
  );

  it('given a required field without an English label, when validated in English, then its title stands in', () => {
    const schema = {
      type: 'object',
      required: ['amount'],
      properties: { amount: { type: 'number', title: '申请金额' } },
    };
    expect(validator.validateSchema(schema, {}, 'en')).toEqual({
      ok: false,
      errors: [{ path: '/amount', keyword: 'required', message: '"申请金额" is required' }],
    });
  });

  it('given a field without any title, when validated, then its key names it (not the form title)', () => {
    const schema = {
      type: 'object',
      title: '报销单',
      required: ['amount'],
      properties: { amount: { type: 'number' } },
    };
    expect(validator.validateSchema(schema, {}, 'zh-CN')).toEqual({
      ok: false,
      errors: [{ path: '/amount', keyword: 'required', message: '请填写「amount」' }],
    });
  });

  it('given a dependentRequired rule, when the dependent field is missing, then the message names both fields', () => {
    const schema = {
      type: 'object',
      properties: {
        bank: { type: 'string', title: '开户行' },
        account: { type: 'string', title: '银行账号' },
      },
      dependentRequired: { account: ['bank'] },
    };
    expect(validator.validateSchema(schema, { account: '6222' }, 'zh-CN')).toEqual({
      ok: false,
      errors: [
        {
          path: '/bank',
          keyword: 'dependentRequired',
          message: '填写「银行账号」时，必须同时填写「开户行」',
        },
      ],
    });
  });

  it('given a field the schema forbids with `false`, when it is filled in, then it is reported as not allowed', () => {
    const schema = { type: 'object', properties: { secret: false } };
    expect(validator.validateSchema(schema, { secret: 1 }, 'en', { '/secret': { en: 'Secret' } })).toEqual({
      ok: false,
      errors: [{ path: '/secret', keyword: 'false schema', message: '"Secret" is not allowed' }],
    });
  });

  it('given English option labels keyed under the field, when an enum is violated in English, then they name the options', () => {
    const schema = {
      type: 'object',
      properties: {
        attitude: {
          type: 'string',
          title: '认识态度',
          oneOf: [
            { const: 'sincere', title: '态度诚恳' },
            { const: 'poor', title: '态度不端正' },
          ],
        },
        rank: { type: 'integer', enum: [1, 2], enumNames: ['一级', '二级'] },
      },
    };
    const labels = {
      '/attitude': { en: 'Attitude' },
      '/attitude/sincere': { en: 'Sincere' },
      '/attitude/poor': { en: 'Poor' },
      '/rank/1': { en: 'First' },
    };
    const result = validator.validateSchema(schema, { attitude: 'x', rank: 3 }, 'en', labels);
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '"Attitude" must be one of: Sincere, Poor',
      '"rank" must be one of: First, 二级',
    ]);
  });

  it('given an enum with many options, when violated, then the list is shortened', () => {
    const options = Array.from({ length: 15 }, (_, i) => `选项${i + 1}`);
    const [message] = messagesFor({ type: 'string', enum: options }, '无', 'zh-CN');
    expect(message).toBe(`「字段」只能是以下选项之一：${options.slice(0, 10).join('、')}等 15 项`);
  });

  it('given a root value of the wrong type, when validated, then the form data as a whole is named', () => {
    const result = validator.validateSchema({ type: 'object' }, 'text', 'zh-CN');
    expect(result).toEqual({
      ok: false,
      errors: [{ path: '', keyword: 'type', message: '表单数据应为对象' }],
    });
  });

  it('given a field defined through a local $ref, when violated, then the referencing title is used', () => {
    const schema = {
      type: 'object',
      $defs: { money: { type: 'number', minimum: 0, title: '金额' } },
      properties: { fine: { $ref: '#/$defs/money', title: '罚款金额' }, fee: { $ref: '#/$defs/money' } },
    };
    const result = validator.validateSchema(schema, { fine: -1, fee: -1 }, 'zh-CN');
    expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([
      '「罚款金额」不能小于 0',
      '「金额」不能小于 0',
    ]);
  });
});
