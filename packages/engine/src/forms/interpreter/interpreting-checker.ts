/**
 * The interpreter implementation of the schema-checker port: no code generation, so the web app
 * can use it under its CSP. It refuses exactly the form schemas ajv refuses (the same safety
 * check, the 2020-12 meta-schema, ajv's strict mode) and reports the same errors for data.
 */
import metaSchema from '../../../schema/json-schema-2020-12.json' with { type: 'json' };
import { createCompileCache } from '../compile-cache';
import { FormSchemaError } from '../form-schema-error';
import type { DataCheck, SchemaChecker } from '../schema-checker';
import { compileProblem, metaSchemaProblems } from '../schema-problems';
import { checkSchemaSafety } from '../schema-safety';
import { FORM_SETTINGS, interpretSchema, META_SETTINGS, TRUSTED_SETTINGS } from './schema-interpreter';

let checkMeta: DataCheck | undefined;

/** A checker with its own caches. */
export function createInterpretingChecker(): SchemaChecker {
  const forms = createCompileCache<DataCheck>();
  const trusted = new WeakMap<object, DataCheck>();
  return {
    form: (schema) => forms.get(schema, () => prepareForm(schema)),
    trusted(schema) {
      let check = trusted.get(schema);
      if (!check) {
        check = interpretSchema(schema, TRUSTED_SETTINGS, false);
        trusted.set(schema, check);
      }
      return check;
    },
  };
}

function prepareForm(schema: Record<string, unknown>): DataCheck {
  const problems = checkSchemaSafety(schema);
  if (problems.length > 0) throw new FormSchemaError(problems);
  checkMeta ??= interpretSchema(metaSchema, META_SETTINGS, false);
  const metaErrors = checkMeta(schema);
  if (metaErrors.length > 0) throw new FormSchemaError(metaSchemaProblems(metaErrors));
  try {
    return interpretSchema(schema, FORM_SETTINGS, true);
  } catch (e) {
    throw new FormSchemaError([compileProblem(schema, (e as Error).message)]);
  }
}
