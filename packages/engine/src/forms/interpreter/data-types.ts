/**
 * JSON types as ajv sees them: a schema's `type` list, and whether data has one of those types
 * (`integer` is a whole number; with strict numbers NaN and ±Infinity are no numbers at all).
 */
import type { SchemaObject } from './keyword-table';

const JSON_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'null',
  'object',
  'array',
]);

/** The types a schema names in `type` (plus `null` for `nullable: true`), as ajv reads them. */
export function schemaTypes(schema: SchemaObject): string[] {
  const raw = schema.type;
  const types: unknown[] = Array.isArray(raw) ? [...raw] : raw ? [raw] : [];
  if (!types.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) {
    throw new Error(`type must be JSONType or JSONType[]: ${types.join(',')}`);
  }
  if (types.includes('null')) {
    if (schema.nullable === false) throw new Error('type: null contradicts nullable: false');
  } else {
    if (types.length === 0 && schema.nullable !== undefined) {
      throw new Error('"nullable" cannot be used without "type"');
    }
    if (schema.nullable === true) types.push('null');
  }
  return types as string[];
}

/** Whether `data` is of the JSON type `type`. */
export function hasType(type: string, data: unknown, strictNumbers: boolean): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'integer':
      return isNumber(data, strictNumbers) && !((data as number) % 1) && !Number.isNaN(data);
    case 'number':
      return isNumber(data, strictNumbers);
    default:
      return typeof data === type;
  }
}

/** Whether `data` is of none of `types`. */
export function isWrongType(types: readonly string[], data: unknown, strictNumbers: boolean): boolean {
  return !types.some((t) => hasType(t, data, strictNumbers));
}

function isNumber(data: unknown, strictNumbers: boolean): boolean {
  return typeof data === 'number' && (!strictNumbers || Number.isFinite(data));
}
