/**
 * Registers shapes as CEL types for the checker, and builds the converters that turn JSON into the
 * evaluator's values. Records are checker-side message types with a fixed set of fields; at run time
 * they are maps whose fields are converted lazily on access (int fields to bigint), so evaluating
 * `data.amount` never walks the whole case. Only declared fields exist; JSON null is an absent field.
 */
import { type CelInput, celMap } from '@bufbuild/cel';
import type { Environment } from '@marcbachmann/cel-js';
import { type CelShape, isPlainObject } from './cel-shape';
import { jsonToCel } from './cel-values';

/** Turns a JSON value into the evaluator value its shape's type expects (undefined: absent). */
export type CelConverter = (value: unknown) => CelInput | undefined;

/** A shape registered in an environment: its CEL type name and the converter for its values. */
export interface RegisteredShape {
  type: string;
  toCel: CelConverter;
}

const INT64_LIMIT = 2n ** 63n;

function mismatch(expected: string, value: unknown): never {
  throw new TypeError(
    `data does not match the case schema: expected ${expected}, got ${JSON.stringify(value)}`,
  );
}

/**
 * A converter for values of one JSON type. JSON null means "not filled in": the field is absent for
 * `has()` and a runtime error on access. Any other type is data that does not match the schema.
 */
function strict(
  expected: string,
  accepts: (v: unknown) => boolean,
  convert = (v: unknown) => v as CelInput,
): CelConverter {
  return (v) => (v === null || v === undefined ? undefined : accepts(v) ? convert(v) : mismatch(expected, v));
}

function toInt(value: unknown): CelInput {
  const int = BigInt(value as number);
  if (int >= INT64_LIMIT || int < -INT64_LIMIT)
    throw new RangeError(`integer ${value} is out of int64 range`);
  return int;
}

const SCALARS: Record<string, RegisteredShape> = {
  int: { type: 'int', toCel: strict('an integer', Number.isInteger, toInt) },
  double: { type: 'double', toCel: strict('a number', (v) => typeof v === 'number') },
  string: { type: 'string', toCel: strict('a string', (v) => typeof v === 'string') },
  bool: { type: 'bool', toCel: strict('a boolean', (v) => typeof v === 'boolean') },
  dyn: { type: 'dyn', toCel: (v) => jsonToCel(v) },
};

function listOf(items: RegisteredShape): RegisteredShape {
  const toList = (v: unknown) => (v as unknown[]).map((x) => items.toCel(x) ?? null);
  return { type: `list<${items.type}>`, toCel: strict('an array', Array.isArray, toList) };
}

/** A record's fields as a read-only map, converted on access. */
class LazyRecord implements ReadonlyMap<string, CelInput> {
  readonly #raw: Record<string, unknown>;
  readonly #fields: ReadonlyMap<string, CelConverter>;

  constructor(raw: Record<string, unknown>, fields: ReadonlyMap<string, CelConverter>) {
    this.#raw = raw;
    this.#fields = fields;
  }

  get(key: string): CelInput | undefined {
    const toCel = this.#fields.get(key);
    return toCel && Object.hasOwn(this.#raw, key) ? toCel(this.#raw[key]) : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  *keys(): MapIterator<string> {
    for (const key of this.#fields.keys()) if (this.has(key)) yield key;
  }

  *entries(): MapIterator<[string, CelInput]> {
    for (const key of this.keys()) yield [key, this.get(key)!];
  }

  *values(): MapIterator<CelInput> {
    for (const key of this.keys()) yield this.get(key)!;
  }

  get size(): number {
    return [...this.keys()].length;
  }

  forEach(callback: (value: CelInput, key: string, map: ReadonlyMap<string, CelInput>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, CelInput]> {
    return this.entries();
  }
}

/** Type names must stay parseable inside `list<...>`, whatever the schema's property names are. */
function childName(parent: string, key: string, taken: ShapeRegistry): string {
  const base = `${parent}.${key.replace(/[^A-Za-z0-9_]/g, '_') || '_'}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Registered records by type name, to find a type's converter again (the `forEach` item). */
export type ShapeRegistry = Map<string, RegisteredShape>;

function registerRecord(
  env: Environment,
  fields: Record<string, CelShape>,
  name: string,
  taken: ShapeRegistry,
): RegisteredShape {
  taken.set(name, SCALARS.dyn!);
  const converters = new Map<string, CelConverter>();
  const fieldTypes: Record<string, string> = Object.create(null);
  for (const key of Object.keys(fields)) {
    const field = register(env, fields[key]!, childName(name, key, taken), taken);
    fieldTypes[key] = field.type;
    converters.set(key, field.toCel);
  }
  // The checker needs a class per message type; values never are instances of it.
  env.registerType(name, { ctor: class {}, fields: fieldTypes });
  const shape: RegisteredShape = {
    type: name,
    toCel: strict('an object', isPlainObject, (v) =>
      celMap(new LazyRecord(v as Record<string, unknown>, converters)),
    ),
  };
  taken.set(name, shape);
  return shape;
}

function register(env: Environment, shape: CelShape, name: string, taken: ShapeRegistry): RegisteredShape {
  switch (shape.kind) {
    case 'list':
      return listOf(register(env, shape.items, name, taken));
    case 'record':
      return registerRecord(env, shape.fields, name, taken);
    default:
      return SCALARS[shape.kind]!;
  }
}

/**
 * Registers a shape (and its nested records, named `<name>.<field>`) and returns type and converter;
 * the records land in `registry` when one is given.
 */
export function registerShape(
  env: Environment,
  shape: CelShape,
  name: string,
  registry: ShapeRegistry = new Map(),
): RegisteredShape {
  return register(env, shape, name, registry);
}

/** The registered shape of a checker type name (`int`, `list<flowform.data.x>`, a record); else dyn. */
export function shapeOfType(type: string, registry: ShapeRegistry): RegisteredShape {
  const list = /^list<(.*)>$/.exec(type);
  if (list) return listOf(shapeOfType(list[1]!, registry));
  return SCALARS[type] ?? registry.get(type) ?? SCALARS.dyn!;
}
