/**
 * The one place ajv is configured for forms: draft 2020-12, strict, no `$data`, every error
 * reported, the known formats, and `enumNames` accepted as an annotation. Patterns reach ajv only
 * after the static backtracking check, so the plain RegExp engine is safe to use.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { KNOWN_FORMATS } from './known-formats';

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
  });
  addFormats(ajv, [...KNOWN_FORMATS]);
  ajv.addKeyword({
    keyword: 'enumNames',
    schemaType: 'array',
    metaSchema: { type: 'array', items: { type: 'string' } },
  });
  return ajv;
}
