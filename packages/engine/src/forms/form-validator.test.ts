import Ajv2020 from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAjvChecker } from './ajv-checker';
import { FormSchemaError } from './form-schema-error';
import type { FieldError, FormValidation } from './form-types';
import { formValidatorWith } from './form-validator';
import { createInterpretingChecker } from './interpreter/interpreting-checker';
import { penaltyForm, twentyFieldForm, validPenalty } from './test-forms';

const errorsOf = (result: FormValidation): FieldError[] => (result.ok ? [] : result.errors);
/** The server's validator: ajv behind the port (its compile cache is what the caching tests watch). */
const createFormValidator = () => formValidatorWith(createAjvChecker());

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createFormValidator().validate', () => {
  it('given data the form accepts, when validated, then the result is ok', () => {
    expect(createFormValidator().validate(penaltyForm(), validPenalty(), 'zh-CN')).toEqual({ ok: true });
  });

  it('given several mistakes, when validated, then each is reported at its field in Chinese', () => {
    const data = { ...validPenalty(), facts: '', amount: 6000, items: [{ name: '' }, {}] };
    const errors = errorsOf(createFormValidator().validate(penaltyForm(), data, 'zh-CN'));
    expect(errors).toEqual([
      { path: '/facts', keyword: 'minLength', message: '请填写「事实经过」' },
      { path: '/amount', keyword: 'maximum', message: '「罚款金额」不能大于 5000' },
      { path: '/items/0/name', keyword: 'minLength', message: '请填写「费用明细」第 1 项的「名称」' },
      { path: '/items/1/name', keyword: 'required', message: '请填写「费用明细」第 2 项的「名称」' },
    ]);
  });

  it('given the English locale, when validated, then fields are named by their English labels', () => {
    const data = { ...validPenalty(), amount: -1, items: [{}] };
    const errors = errorsOf(createFormValidator().validate(penaltyForm(), data, 'en'));
    expect(errors.map((e) => e.message)).toEqual([
      '"Fine amount" must be ≥ 0',
      '"Name" ("Expenses" item 1) is required',
    ]);
  });

  it('given a field that only becomes required through if/then, when it is missing, then it is reported alone', () => {
    const data = { ...validPenalty(), amount: 5000 };
    expect(errorsOf(createFormValidator().validate(penaltyForm(), data, 'zh-CN'))).toEqual([
      { path: '/note', keyword: 'required', message: '请填写「备注」' },
    ]);
  });

  it('given a field the schema does not define, when validated, then it is reported as unknown at its own path', () => {
    const errors = errorsOf(
      createFormValidator().validate(penaltyForm(), { ...validPenalty(), isAdmin: true }, 'zh-CN'),
    );
    expect(errors).toEqual([
      { path: '/isAdmin', keyword: 'additionalProperties', message: '表单数据中包含未定义的字段「isAdmin」' },
    ]);
  });

  it('given a money amount with two decimals, when checked against multipleOf 0.01, then float error is not reported', () => {
    const validator = createFormValidator();
    for (const amount of [19.99, 0.07, 4999.99, 1.1]) {
      expect(validator.validate(penaltyForm(), { ...validPenalty(), amount }, 'zh-CN')).toEqual({ ok: true });
    }
    expect(
      errorsOf(validator.validate(penaltyForm(), { ...validPenalty(), amount: 1.234 }, 'zh-CN'))[0]?.message,
    ).toBe('「罚款金额」最多保留 2 位小数');
  });

  it('given data failing on every item, when validated, then at most 50 errors come back', () => {
    const schema = { type: 'array', title: '数量列表', items: { type: 'integer' } };
    const result = createFormValidator().validateSchema(
      schema,
      Array.from({ length: 500 }, () => 'x'),
      'zh-CN',
    );
    expect(errorsOf(result)).toHaveLength(50);
    expect(errorsOf(result)[0]).toEqual({
      path: '/0',
      keyword: 'type',
      message: '「数量列表」第 1 项应为整数',
    });
  });
});

describe('prototype safety', () => {
  it('given data with a __proto__ key, when validated, then it is rejected and Object.prototype stays clean', () => {
    const data = JSON.parse('{"facts":"x","__proto__":{"polluted":true,"isAdmin":true}}') as unknown;
    const errors = errorsOf(createFormValidator().validate(penaltyForm(), data, 'zh-CN'));
    expect(errors).toEqual([
      { path: '/__proto__', keyword: 'forbiddenKey', message: '不允许使用字段名「__proto__」' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('given nested constructor.prototype keys, when validated, then they are rejected wherever they are', () => {
    const data = JSON.parse('{"items":[{"name":"a","constructor":{"prototype":{"polluted":1}}}]}') as unknown;
    const schema = { type: 'object', additionalProperties: true };
    const errors = errorsOf(createFormValidator().validateSchema(schema, data, 'en'));
    expect(errors).toEqual([
      {
        path: '/items/0/constructor',
        keyword: 'forbiddenKey',
        message: 'The field name "constructor" is not allowed',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('given an object whose prototype is not Object.prototype, when validated, then inherited values are not trusted', () => {
    const data = Object.create({ agree: true }) as Record<string, unknown>;
    const errors = errorsOf(createFormValidator().validate(penaltyForm(), data, 'zh-CN'));
    expect(errors).toEqual([{ path: '', keyword: 'json', message: '表单数据不是有效的 JSON 数据' }]);
  });

  it('given valid data, when validated, then the data is not modified', () => {
    const data = validPenalty();
    const before = structuredClone(data);
    createFormValidator().validate(penaltyForm(), data, 'zh-CN');
    expect(data).toEqual(before);
  });
});

describe('data limits', () => {
  it('given data larger than 256 KiB, when validated, then a limit error is returned instead of throwing', () => {
    const result = createFormValidator().validate(
      penaltyForm(),
      {
        ...validPenalty(),
        facts: 'x'.repeat(300_000),
      },
      'zh-CN',
    );
    expect(errorsOf(result)).toEqual([
      { path: '', keyword: 'limit', message: '提交的数据过大，不能超过 256 KiB' },
    ]);
  });

  it('given data nested deeper than 16 levels, when validated, then a limit error is returned', () => {
    let deep: unknown = {};
    for (let i = 0; i < 40; i++) deep = { a: deep };
    const errors = errorsOf(createFormValidator().validateSchema({ type: 'object' }, deep, 'en'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      keyword: 'limit',
      message: 'The submitted data is nested too deeply (at most 16 levels)',
    });
  });
});

describe('unsafe schemas', () => {
  it('given a pattern that is not RE2 (a lookahead), when validating, then FormSchemaError lists the problem', () => {
    const form = {
      ...penaltyForm(),
      schema: { type: 'object', properties: { a: { type: 'string', pattern: '^(?=a)a+$' } } },
    };
    const validator = createFormValidator();
    const attempt = () => validator.validate(form, { a: 'aaaa' }, 'zh-CN');
    expect(attempt).toThrow(FormSchemaError);
    try {
      attempt();
    } catch (e) {
      expect((e as FormSchemaError).problems).toEqual([
        expect.objectContaining({ code: 'regex-invalid', path: '/properties/a/pattern' }),
      ]);
    }
  });

  it.each([
    ['ajv', createAjvChecker],
    ['the interpreter', createInterpretingChecker],
  ])(
    'given schemas that are not objects (true, false, null, 42, [], "x"), when validating with %s, then FormSchemaError says so, never a TypeError',
    (_name, create) => {
      const validator = formValidatorWith(create());
      for (const schema of [true, false, null, 42, [], 'x', undefined]) {
        const attempt = () =>
          validator.validateSchema(schema as unknown as Record<string, unknown>, {}, 'zh-CN');
        expect(attempt).toThrow(FormSchemaError);
        expect(attempt).toThrow(/form-schema-invalid at '': a form schema must be a JSON object/);
      }
    },
  );

  it('given a schema ajv strict mode refuses, when validating, then FormSchemaError says where', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', placeholder: '请输入' } } };
    expect(() => createFormValidator().validateSchema(schema, {}, 'zh-CN')).toThrow(
      /unknown keyword: "placeholder"/,
    );
  });

  it('given two form versions sharing an $id, when both are validated, then each uses its own schema', () => {
    const v1 = { $id: 'urn:flowform:form:leave', type: 'object', properties: { days: { type: 'integer' } } };
    const v2 = { $id: 'urn:flowform:form:leave', type: 'object', properties: { days: { type: 'string' } } };
    const validator = createFormValidator();
    expect(validator.validateSchema(v1, { days: 3 }, 'zh-CN').ok).toBe(true);
    expect(validator.validateSchema(v2, { days: 3 }, 'zh-CN').ok).toBe(false);
    expect(validator.validateSchema(v2, { days: '3' }, 'zh-CN').ok).toBe(true);
  });
});

describe('compile caching', () => {
  it('given the same form object, when validated many times, then ajv compiles it once', () => {
    const validator = createFormValidator();
    const { form, data } = twentyFieldForm();
    expect(validator.validate(form, data, 'zh-CN').ok).toBe(true);
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    for (let i = 0; i < 1000; i++) expect(validator.validate(form, data, 'zh-CN').ok).toBe(true);
    expect(compile).not.toHaveBeenCalled();
  });

  it('given an equal schema parsed anew, when validated, then the compiled validator is reused', () => {
    const validator = createFormValidator();
    const schema = penaltyForm().schema;
    validator.validateSchema(schema, validPenalty(), 'zh-CN');
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const reparsed = JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
    expect(validator.validateSchema(reparsed, validPenalty(), 'zh-CN')).toEqual({ ok: true });
    expect(compile).not.toHaveBeenCalled();
    validator.validateSchema({ ...reparsed, title: '另一个表单' }, validPenalty(), 'zh-CN');
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('given a refused schema, when validated again, then the refusal is remembered, not recomputed', () => {
    const validator = createFormValidator();
    const schema = { type: 'object', properties: { a: { type: 'string', foo: 1 } } };
    expect(() => validator.validateSchema(schema, {}, 'zh-CN')).toThrow(FormSchemaError);
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    expect(() => validator.validateSchema(schema, {}, 'zh-CN')).toThrow(FormSchemaError);
    expect(compile).not.toHaveBeenCalled();
  });
});

describe('robustness', () => {
  it('given arbitrary JSON data, when validated, then it never throws and never returns more than 50 errors', () => {
    const validator = createFormValidator();
    const form = penaltyForm();
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('zh-CN' as const, 'en' as const), (data, locale) => {
        const result = validator.validate(form, data, locale);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          expect(result.errors.length).toBeLessThanOrEqual(50);
          for (const error of result.errors) expect(error.message).not.toBe('');
        }
      }),
      { numRuns: 300 },
    );
  });
});
