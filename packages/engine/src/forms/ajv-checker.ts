/**
 * The ajv implementation of the schema-checker port: schemas compiled to code, fast, the
 * server's authority. Node only — ajv compiles with `new Function`, which the web app's CSP forbids.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { createFormAjv, type FormAjv, RE2_CODE_OPTIONS } from './ajv-setup';
import { createCompileCache } from './compile-cache';
import { FormSchemaError } from './form-schema-error';
import type { DataCheck, SchemaChecker } from './schema-checker';
import { compileProblem, metaSchemaProblems } from './schema-problems';
import { checkSchemaSafety } from './schema-safety';

/** ajv keeps every compiled schema's values in its scope; a fresh instance every so often bounds that. */
const COMPILES_PER_AJV = 200;

/** A checker with its own ajv instances and caches; create one per process and share it. */
export function createAjvChecker(): SchemaChecker {
  let ajv: FormAjv | undefined;
  let compiles = 0;
  let lenient: Ajv2020 | undefined;
  const forms = createCompileCache<DataCheck>();
  const trusted = new WeakMap<object, DataCheck>();
  return {
    form: (schema) =>
      forms.get(schema, () => {
        const problems = checkSchemaSafety(schema);
        if (problems.length > 0) throw new FormSchemaError(problems);
        if (!ajv || compiles >= COMPILES_PER_AJV) {
          ajv = createFormAjv();
          compiles = 0;
        }
        compiles++;
        return compileForm(ajv, schema);
      }),
    trusted(schema) {
      let check = trusted.get(schema);
      if (!check) {
        lenient ??= new Ajv2020({ allErrors: true, strict: false, code: RE2_CODE_OPTIONS });
        check = asCheck(lenient.compile(schema));
        trusted.set(schema, check);
      }
      return check;
    },
  };
}

function compileForm(ajv: FormAjv, schema: Record<string, unknown>): DataCheck {
  if (!ajv.validateSchema(schema)) throw new FormSchemaError(metaSchemaProblems(ajv.errors ?? []));
  try {
    return asCheck(ajv.compile(schema));
  } catch (e) {
    throw new FormSchemaError([compileProblem(schema, (e as Error).message)]);
  } finally {
    // Forget the schema (and its $id), so a later version with the same $id compiles cleanly.
    ajv.removeSchema(schema);
  }
}

function asCheck(validate: ValidateFunction): DataCheck {
  return (data) => (validate(data) ? [] : [...(validate.errors ?? [])]);
}
