/**
 * The interpreting JSON Schema validator: checks data by walking the schema, never generating
 * code, so it runs where `eval` is forbidden. It answers exactly as the engine's ajv setups do —
 * the same errors, in the same order, with ajv's paths, params and messages.
 */
import { FORM_KEYWORDS, KNOWN_FORMATS } from '../known-formats';
import type { DataCheck } from '../schema-checker';
import { checkCompiles } from './compile-checks';
import { FORMAT_CHECKS } from './format-checks';
import type { InterpreterSettings, Run } from './interpreter-context';
import { type SchemaObject, vocabulary } from './keyword-table';
import { createRefResolver } from './ref-resolver';
import { validateNode } from './validate-node';

/** As forms' ajv (ajv-setup.ts): strict numbers, `multipleOf` to 1e-9, the known formats, `enumNames`, `x-roles`, `x-unitKinds`. */
export const FORM_SETTINGS: InterpreterSettings = {
  vocab: vocabulary(FORM_KEYWORDS),
  strictNumbers: true,
  multipleOfPrecision: 9,
  formats: Object.fromEntries(KNOWN_FORMATS.map((f) => [f, FORMAT_CHECKS[f]])),
};

/** As ajv validates schemas against the meta-schema: form settings, formats not checked. */
export const META_SETTINGS: InterpreterSettings = { ...FORM_SETTINGS, formats: {} };

/** As the definition format's ajv (`strict: false`): loose numbers, exact `multipleOf`, no formats. */
export const TRUSTED_SETTINGS: InterpreterSettings = {
  vocab: vocabulary(),
  strictNumbers: false,
  formats: {},
};

/**
 * Prepares a schema: throws ajv's compile error (strict mode when `strict`) for one it would not
 * compile, else returns its check of data. Local refs resolve against `root` (the schema itself,
 * unless it is a part of a larger one).
 */
export function interpretSchema(
  schema: SchemaObject | boolean,
  settings: InterpreterSettings,
  strict: boolean,
  root: SchemaObject | boolean = schema,
): DataCheck {
  const resolve = createRefResolver(root, settings.vocab);
  checkCompiles(schema, settings, strict, resolve);
  return (data) => {
    const run: Run = { settings, errors: [], resolve, validate: (place) => validateNode(run, place) };
    validateNode(run, { schema, data, instancePath: '', schemaPath: '#', allErrors: true });
    return run.errors;
  };
}
