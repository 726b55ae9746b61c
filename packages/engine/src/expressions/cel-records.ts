/**
 * Registers shapes as CEL types. Records become CEL message types backed by a generated wrapper class
 * whose getters convert fields lazily on access (int fields to bigint), so evaluating `data.amount`
 * never walks the whole case. Wrappers have no Object.prototype, and only declared fields exist.
 */
import type { Environment } from '@marcbachmann/cel-js';
import { type CelShape, isPlainObject } from './cel-shape';
import { jsonToCel, RECORD_FIELDS } from './cel-values';

/** Turns a JSON value into the CEL runtime value its shape's type expects. */
export type CelConverter = (value: unknown) => unknown;

/** A shape registered in an environment: its CEL type name and the converter for its values. */
export interface RegisteredShape {
  type: string;
  toCel: CelConverter;
}

const RAW = Symbol('flowform.raw');

// JSON null means "not filled in": the field is absent for `has()` and a runtime error on access.
const absent = (value: unknown): unknown => (value === null ? undefined : value);
const toInt: CelConverter = (v) => (typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : absent(v));
const SCALARS: Record<string, RegisteredShape> = {
  int: { type: 'int', toCel: toInt },
  double: { type: 'double', toCel: absent },
  string: { type: 'string', toCel: absent },
  bool: { type: 'bool', toCel: absent },
  dyn: { type: 'dyn', toCel: (v) => jsonToCel(v) },
};

type RecordInstance = { [RAW]: Record<string, unknown> };

function createRecordClass(converters: ReadonlyArray<[string, CelConverter]>) {
  class CelRecord {
    [RAW]: Record<string, unknown>;
    constructor(raw: Record<string, unknown>) {
      this[RAW] = raw;
    }
  }
  Object.setPrototypeOf(CelRecord.prototype, null);
  for (const [key, toCel] of converters) {
    Object.defineProperty(CelRecord.prototype, key, {
      get(this: RecordInstance) {
        const raw = this[RAW];
        return Object.hasOwn(raw, key) ? toCel(raw[key]) : undefined;
      },
    });
  }
  Object.defineProperty(CelRecord.prototype, RECORD_FIELDS, { value: converters.map(([key]) => key) });
  return CelRecord;
}

/** Type names must stay parseable inside `list<...>`, whatever the schema's property names are. */
function childName(parent: string, key: string, taken: Set<string>): string {
  const base = `${parent}.${key.replace(/[^A-Za-z0-9_]/g, '_') || '_'}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

function registerRecord(
  env: Environment,
  fields: Record<string, CelShape>,
  name: string,
  taken: Set<string>,
): RegisteredShape {
  taken.add(name);
  const converters: Array<[string, CelConverter]> = [];
  const fieldTypes: Record<string, string> = Object.create(null);
  for (const key of Object.keys(fields)) {
    const field = register(env, fields[key]!, childName(name, key, taken), taken);
    fieldTypes[key] = field.type;
    converters.push([key, field.toCel]);
  }
  const Ctor = createRecordClass(converters);
  env.registerType(name, { ctor: Ctor, fields: fieldTypes });
  return { type: name, toCel: (v) => (isPlainObject(v) ? new Ctor(v) : absent(v)) };
}

function register(env: Environment, shape: CelShape, name: string, taken: Set<string>): RegisteredShape {
  switch (shape.kind) {
    case 'list': {
      const items = register(env, shape.items, name, taken);
      return {
        type: `list<${items.type}>`,
        toCel: (v) => (Array.isArray(v) ? v.map(items.toCel) : absent(v)),
      };
    }
    case 'record':
      return registerRecord(env, shape.fields, name, taken);
    default:
      return SCALARS[shape.kind]!;
  }
}

/** Registers a shape (and its nested records, named `<name>.<field>`) and returns type and converter. */
export function registerShape(env: Environment, shape: CelShape, name: string): RegisteredShape {
  return register(env, shape, name, new Set());
}
