/** For tests comparing the two schema checkers: what an error says, without the data ajv attaches. */
import type { SchemaError } from './schema-checker';

/** The comparable facts of errors; `verbose` keeps the schemas (the forms' ajv reports them, the lenient one not). */
export function errorFacts(errors: readonly SchemaError[] | null | undefined, verbose = true) {
  return (errors ?? []).map(
    ({ keyword, instancePath, schemaPath, params, message, schema, parentSchema, propertyName }) => ({
      keyword,
      instancePath,
      schemaPath,
      params,
      message,
      propertyName,
      ...(verbose ? { schema, parentSchema } : {}),
    }),
  );
}
