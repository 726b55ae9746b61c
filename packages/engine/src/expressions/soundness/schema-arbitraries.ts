/**
 * Test support for the soundness property: case schemas in the JSON Schema subset Flowform forms use
 * (object/string/number/integer/boolean/array/enum, nested objects, optional fields, `["number",
 * "string"]` unions, untyped arrays) and data valid against them.
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;

const leafSchema: fc.Arbitrary<Schema> = fc.oneof(
  fc.constant({ type: 'string' }),
  fc.constant({ type: 'number' }),
  fc.constant({ type: 'integer' }),
  fc.constant({ type: 'boolean' }),
  fc.constant({ enum: ['low', 'high', 'urgent'] }),
  fc.constant({ type: ['number', 'string'] }),
  fc.constant({ type: 'array' }),
  fc.constant({ type: 'array', items: { type: 'string' } }),
  fc.constant({ type: 'array', items: { type: 'integer' } }),
  fc.constant({ type: 'array', items: { type: 'number' } }),
  fc.constant({}),
);

function objectOf(fields: fc.Arbitrary<Schema>): fc.Arbitrary<Schema> {
  return fc
    .uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { minLength: 1, maxLength: 4 })
    .chain((names) =>
      fc.tuple(fc.tuple(...names.map(() => fields)), fc.subarray(names)).map(([schemas, required]) => ({
        type: 'object',
        properties: Object.fromEntries(names.map((n, i) => [n, schemas[i]])),
        required,
      })),
    );
}

const nested = objectOf(leafSchema);
const listOfRecords = nested.map((items) => ({ type: 'array', items }));

/** A case schema: an object of leaves, nested objects and lists of objects. */
export const caseSchemaArb: fc.Arbitrary<Schema> = objectOf(
  fc.oneof({ weight: 4, arbitrary: leafSchema }, nested, listOfRecords),
);

const jsonScalar = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -50, max: 50 }),
  fc.double({ min: -1e3, max: 1e3, noNaN: true }),
  fc.boolean(),
);

function typeOf(schema: Schema): unknown {
  return schema.type;
}

/** Data valid against a schema (ajv confirms it in the test). */
export function dataArb(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const type = typeOf(schema);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(type))
    return fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.string({ maxLength: 5 }));
  switch (type) {
    case 'string':
      return fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom('2024-05-01', '2024-05-01T08:00:00Z', 'abc'),
      );
    case 'number':
      return fc.oneof(fc.integer({ min: -100, max: 100 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
    case 'integer':
      return fc.oneof({ weight: 9, arbitrary: fc.integer({ min: -100, max: 100 }) }, fc.maxSafeInteger());
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const items = schema.items as Schema | undefined;
      return fc.array(items ? dataArb(items, depth + 1) : jsonScalar, { maxLength: 4 });
    }
    case 'object': {
      const properties = schema.properties as Record<string, Schema>;
      const required = (schema.required as string[]) ?? [];
      const record = Object.fromEntries(
        Object.entries(properties).map(([k, s]) => [k, dataArb(s, depth + 1)]),
      );
      return fc.record(record, { requiredKeys: required });
    }
    default:
      return depth > 2 ? jsonScalar : fc.oneof(jsonScalar, fc.array(jsonScalar, { maxLength: 3 }));
  }
}
