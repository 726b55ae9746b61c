/**
 * The one place ajv is configured for forms: draft 2020-12, strict, no `$data`, every error
 * reported, the known formats (Flowform's reference formats check a shape), `enumNames`, `x-roles` and
 * `x-unitKinds` accepted as annotations, and RE2 (`re2RegExp`, the
 * engine of CEL `matches()` and of the interpreter) for `pattern` and `patternProperties`: matching
 * is linear, and patterns reach ajv only after the shared screening (schema-safety).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { re2RegExp } from '../expressions/re2-regex';
import { FORM_KEYWORDS, REFERENCE_FORMATS, REFERENCE_SHAPE, STANDARD_FORMATS } from './known-formats';

/** ajv's options for its regex engine: RE2, as everywhere in Flowform. */
export const RE2_CODE_OPTIONS = { regExp: re2RegExp } as const;

/** The ajv class forms compile with. */
export type FormAjv = Ajv2020;

/** A fresh, fully configured ajv instance. */
export function createFormAjv(): FormAjv {
  const ajv = new Ajv2020({
    strict: true,
    // `then: { required: [...] }` is how forms make a field conditionally required; strictRequired
    // refuses it. schema-safety catches the mistake it would catch (required but undefined field).
    strictRequired: false,
    // `type: ["string", "null"]` is how forms say "optional value"; strict mode would refuse it.
    allowUnionTypes: true,
    $data: false,
    allErrors: true,
    // Errors carry their schema, so messages can use `title`, `enumNames` and limits.
    verbose: true,
    // 0.07 is a multiple of 0.01 even though 0.07 % 0.01 !== 0 in floating point.
    multipleOfPrecision: 9,
    code: RE2_CODE_OPTIONS,
  });
  addFormats(ajv, [...STANDARD_FORMATS]);
  for (const format of REFERENCE_FORMATS)
    ajv.addFormat(format, { type: 'string', validate: (s: string) => REFERENCE_SHAPE.test(s) });
  for (const keyword of FORM_KEYWORDS) {
    ajv.addKeyword({
      keyword,
      schemaType: 'array',
      metaSchema: { type: 'array', items: { type: 'string' } },
    });
  }
  return ajv;
}
