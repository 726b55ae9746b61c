/**
 * Turns a form schema into an ajv validate function, refusing (with a FormSchemaError) any
 * schema that fails the static safety check, the 2020-12 meta-schema, or ajv's strict mode.
 */
import type { ValidateFunction } from 'ajv';
import type { FormAjv } from './ajv-setup';
import { createFormAjv } from './ajv-setup';
import { FormSchemaError } from './form-schema-error';
import { appendPointer } from './json-pointer';
import { checkSchemaSafety } from './schema-safety';
import { walkSchema } from './schema-walk';

/** ajv keeps every compiled schema's values in its scope; a fresh instance every so often bounds that. */
const COMPILES_PER_AJV = 200;

/** A compiled form schema: the validate function plus the schema, for labels in error messages. */
export interface CompiledSchema {
  schema: Record<string, unknown>;
  validate: ValidateFunction;
}

/** Compiles schemas; throws FormSchemaError listing every problem when it will not. */
export interface SchemaCompiler {
  compile(schema: Record<string, unknown>): CompiledSchema;
}

/** A compiler with its own ajv instance (recycled periodically). */
export function createSchemaCompiler(): SchemaCompiler {
  let ajv: FormAjv | undefined;
  let compiles = 0;
  return {
    compile(schema) {
      const problems = checkSchemaSafety(schema);
      if (problems.length > 0) throw new FormSchemaError(problems);
      if (!ajv || compiles >= COMPILES_PER_AJV) {
        ajv = createFormAjv();
        compiles = 0;
      }
      compiles++;
      return compileWith(ajv, schema);
    },
  };
}

function compileWith(ajv: FormAjv, schema: Record<string, unknown>): CompiledSchema {
  if (!ajv.validateSchema(schema)) {
    // The meta-schema's anyOf alternatives repeat one mistake several times; the first says it best.
    const paths = new Set<string>();
    const firstPerPath = (ajv.errors ?? []).filter(
      (e) => !paths.has(e.instancePath) && paths.add(e.instancePath),
    );
    throw new FormSchemaError(
      firstPerPath.map((e) => ({
        code: 'form-schema-invalid',
        path: e.instancePath,
        message: `not valid JSON Schema 2020-12: ${e.message ?? e.keyword}`,
      })),
    );
  }
  try {
    return { schema, validate: ajv.compile(schema) };
  } catch (e) {
    const { message } = e as Error;
    const problem = {
      code: 'form-schema-invalid',
      path: locate(schema, message),
      message: `ajv cannot compile the schema: ${message}`,
    };
    throw new FormSchemaError([problem]);
  } finally {
    // Forget the schema (and its $id), so a later version with the same $id compiles cleanly.
    ajv.removeSchema(schema);
  }
}

/** Where a strict-mode error points: most say `at "#/properties/a"`; unknown keywords we find ourselves. */
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
