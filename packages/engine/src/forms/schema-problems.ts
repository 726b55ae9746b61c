/**
 * How a refused form schema is worded, the same whichever checker refused it: the first
 * meta-schema error per location, or the compile error located in the schema.
 */

import type { SchemaProblem } from './form-types';
import { appendPointer } from './json-pointer';
import type { SchemaError } from './schema-checker';
import { walkSchema } from './schema-walk';

/** One problem per location: the meta-schema's alternatives repeat one mistake, the first says it best. */
export function metaSchemaProblems(errors: readonly SchemaError[]): SchemaProblem[] {
  const paths = new Set<string>();
  return errors
    .filter((e) => !paths.has(e.instancePath) && paths.add(e.instancePath))
    .map((e) => ({
      code: 'form-schema-invalid',
      path: e.instancePath,
      message: `not valid JSON Schema 2020-12: ${e.message ?? e.keyword}`,
    }));
}

/** The compile error (strict mode, a missing reference…) as a problem at the place it names. */
export function compileProblem(schema: Record<string, unknown>, message: string): SchemaProblem {
  return {
    code: 'form-schema-invalid',
    path: locate(schema, message),
    message: `cannot compile the schema: ${message}`,
  };
}

/** Where a compile error points: most say `at "#/properties/a"`; unknown keywords we find ourselves. */
function locate(schema: Record<string, unknown>, message: string): string {
  const at = /at "#(\/[^"]*)?"/.exec(message);
  if (at) return at[1] ?? '';
  const keyword = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
  let found = '';
  if (keyword) {
    walkSchema(schema, ({ schema: node, path }) => {
      if (!found && Object.hasOwn(node, keyword)) found = appendPointer(path, keyword);
      return !found;
    });
  }
  return found;
}
