/**
 * What evaluating one schema against one piece of data carries along: the run (settings, error
 * list, references), where the schema and the data sit, and ajv's context flags.
 */
import { escapePointerSegment } from '../json-pointer';
import type { SchemaError } from '../schema-checker';
import type { SchemaObject, Vocabulary } from './keyword-table';
import { fragment } from './schema-facts';

/** Checks a format's value; formats without a checker are not checked. */
export type FormatCheck = (value: string) => boolean;

/** How schemas are read, mirroring the ajv options of each use. */
export interface InterpreterSettings {
  vocab: Vocabulary;
  /** NaN and ±Infinity are not numbers (ajv's `strictNumbers`). */
  strictNumbers: boolean;
  /** `multipleOf` tolerates 1e-N (ajv's `multipleOfPrecision`); undefined: an exact whole quotient. */
  multipleOfPrecision?: number;
  formats: Readonly<Record<string, FormatCheck>>;
}

/** A resolved `$ref`: inlined (no refs inside, errors keep the ref in their schema path) or called. */
export interface RefTarget {
  schema: SchemaObject | boolean;
  inline: boolean;
}

/** One validation call. */
export interface Run {
  settings: InterpreterSettings;
  errors: SchemaError[];
  resolve(ref: string): RefTarget;
  /** Applies a schema at a place; true when it holds (its errors are in `errors`). */
  validate(place: Place): boolean;
}

/** A schema applied to data at a place. */
export interface Place {
  schema: SchemaObject | boolean;
  data: unknown;
  instancePath: string;
  /** ajv's `errSchemaPath`: the schema's own path, errors append their keyword. */
  schemaPath: string;
  /** False inside `not` and `if`: only validity matters, the first error may end the check. */
  allErrors: boolean;
  /** The property name being checked (inside `propertyNames`). */
  propertyName?: string;
}

/** One keyword of an object schema being applied. */
export interface KeywordPlace extends Omit<Place, 'schema'> {
  run: Run;
  schema: SchemaObject;
  keyword: string;
  value: unknown;
}

/** Records an error of the current keyword, ajv-style. */
export function fail(k: KeywordPlace, params: Record<string, unknown>, message: string): void {
  const error: SchemaError = {
    instancePath: k.instancePath,
    schemaPath: `${k.schemaPath}/${k.keyword}`,
    keyword: k.keyword,
    params,
    message,
    schema: k.value,
    parentSchema: k.schema,
  };
  if (k.propertyName !== undefined) error.propertyName = k.propertyName;
  k.run.errors.push(error);
}

/** Drops the errors recorded since `count` (a passing branch's failures, say). */
export function resetErrors(run: Run, count: number): void {
  run.errors.length = count;
}

/** Where a subschema of the current keyword applies: which schema part, and which data. */
export interface SubschemaAt {
  /** Index or key inside the keyword's value (`properties/a`, `allOf/1`). */
  schemaProp?: string | number;
  /** Index or key of the data to check (`/items/0`); omitted: the same data. */
  dataProp?: string | number;
  /** Other data in the same place (a property name). */
  data?: { value: unknown; propertyName: string };
  allErrors?: boolean;
}

/** Applies a subschema of the current keyword; true when it holds. */
export function applySubschema(k: KeywordPlace, at: SubschemaAt = {}): boolean {
  let schema = k.value;
  let schemaPath = `${k.schemaPath}/${k.keyword}`;
  if (at.schemaProp !== undefined) {
    schema = (schema as Record<string | number, unknown>)[at.schemaProp];
    schemaPath += `/${fragment(at.schemaProp)}`;
  }
  let { data, instancePath, propertyName } = k;
  if (at.dataProp !== undefined) {
    data = (data as Record<string | number, unknown>)[at.dataProp];
    instancePath += `/${typeof at.dataProp === 'number' ? at.dataProp : escapePointerSegment(at.dataProp)}`;
  } else if (at.data) {
    data = at.data.value;
    propertyName = at.data.propertyName;
  }
  return k.run.validate({
    schema: schema as SchemaObject | boolean,
    data,
    instancePath,
    schemaPath,
    allErrors: at.allErrors ?? k.allErrors,
    ...(propertyName === undefined ? {} : { propertyName }),
  });
}
