/**
 * JSON Schema 2020-12 validation with ajv for the fuzzer: response bodies against the OpenAPI
 * document's schemas (its `#/components/schemas/...` references rewritten to `$defs`), and generated
 * form data against the shipped forms. Lenient about annotations (`example`, OpenAPI's `binary`
 * format), strict about everything that constrains a value.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonSchema } from './openapi-operations';

export interface SchemaValidator {
  /** The first error of `value` against `schema` (`/path keyword: message`), or undefined when valid. */
  firstError(schema: JsonSchema, value: unknown): string | undefined;
}

export function schemaValidator(components: Record<string, JsonSchema> = {}): SchemaValidator {
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, logger: false, multipleOfPrecision: 9 });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const defs = rewriteRefs(components) as Record<string, JsonSchema>;
  const compiled = new WeakMap<JsonSchema, ReturnType<typeof ajv.compile>>();
  return {
    firstError(schema, value) {
      let validate = compiled.get(schema);
      if (!validate) {
        validate = ajv.compile({ ...(rewriteRefs(schema) as JsonSchema), $defs: defs });
        compiled.set(schema, validate);
      }
      if (validate(value)) return undefined;
      const e = validate.errors?.[0];
      return e ? `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}` : 'invalid';
    },
  };
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string'
          ? v.replace('#/components/schemas/', '#/$defs/')
          : rewriteRefs(v),
      ]),
    );
  }
  return value;
}
