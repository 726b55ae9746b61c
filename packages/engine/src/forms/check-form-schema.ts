/**
 * The lint-time check of a form schema: everything `validate` would refuse, reported as
 * problems instead of thrown, including meta-schema and strict-mode errors from a trial compile.
 */
import { createCompileCache } from './compile-cache';
import { FormSchemaError } from './form-schema-error';
import type { SchemaProblem } from './form-types';
import type { CompiledSchema, SchemaCompiler } from './schema-compiler';
import { createSchemaCompiler } from './schema-compiler';
import { checkSchemaSafety } from './schema-safety';

let compiler: SchemaCompiler | undefined;
const cache = createCompileCache<CompiledSchema>();

/** Every reason the schema cannot be used for a form; an empty list means it compiles safely. */
export function checkFormSchema(schema: Record<string, unknown>): SchemaProblem[] {
  const problems = checkSchemaSafety(schema);
  if (problems.length > 0) return problems;
  compiler ??= createSchemaCompiler();
  try {
    cache.get(schema, () => compiler!.compile(schema));
    return [];
  } catch (e) {
    if (e instanceof FormSchemaError) return e.problems;
    throw e;
  }
}
