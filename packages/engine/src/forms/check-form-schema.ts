/**
 * The lint-time check of a form schema: everything `validate` would refuse, reported as problems
 * instead of thrown — the safety check, then the checker's own refusal (meta-schema, strict mode).
 */
import { FormSchemaError } from './form-schema-error';
import type { SchemaProblem } from './form-types';
import type { SchemaChecker } from './schema-checker';
import { checkSchemaSafety } from './schema-safety';

/** Every reason the schema cannot be used for a form; an empty list means it compiles safely. */
export function checkFormSchema(schema: Record<string, unknown>, checker: SchemaChecker): SchemaProblem[] {
  const problems = checkSchemaSafety(schema);
  if (problems.length > 0) return problems;
  try {
    checker.form(schema);
    return [];
  } catch (e) {
    if (e instanceof FormSchemaError) return e.problems;
    throw e;
  }
}
