/**
 * Form schemas with the mistakes authors make: an unknown keyword, a keyword without its type, a
 * value the meta-schema refuses, a lone `if`, a loose tuple, a missing `$ref` target… added at
 * a random place, so both schema checkers are asked about the same broken schema.
 */
import fc from 'fast-check';

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

const MISTAKES: [string, unknown][] = [
  ['widget', 'textarea'],
  ['minimum', 1],
  ['maxLength', -1],
  ['type', 'strin'],
  ['type', ['string', 'string']],
  ['type', ['object', 'integer']],
  ['required', 'name'],
  ['required', ['name', 'name']],
  ['enum', []],
  ['items', [{}]],
  ['if', { properties: { a: { const: 1 } } }],
  ['then', { required: ['a'] }],
  ['prefixItems', [{ type: 'string' }]],
  ['minContains', 0],
  ['contains', { type: 'string' }],
  ['enumNames', [1, '一']],
  ['enumNames', 'a'],
  ['format', 'phone'],
  ['pattern', '(a)\\1'],
  ['pattern', '.{0,999}x'],
  ['pattern', '['],
  ['$ref', '#/$defs/missing'],
  ['$ref', '#/properties'],
  ['nullable', true],
  ['nullable', 'yes'],
  ['id', 'x'],
  ['dependentRequired', { a: ['b'] }],
  ['additionalProperties', { minimum: 1 }],
  ['propertyNames', { pattern: '^[a-z]+$' }],
  ['patternProperties', { '^a': { type: 'string' } }],
  ['allOf', []],
  ['oneOf', [{ title: 'x' }, { widget: 1 }]],
  ['not', { widget: 1 }],
  ['const', { a: [1] }],
  ['uniqueItems', 'yes'],
  ['multipleOf', 0],
  ['$comment', 3],
  ['unevaluatedProperties', false],
  ['dependencies', { a: { widget: 1 } }],
];

/** The subschemas of a schema (objects under schema-valued keywords), root first. */
function subschemas(schema: Schema, out: Schema[] = []): Schema[] {
  out.push(schema);
  for (const [key, value] of Object.entries(schema)) {
    if (['const', 'enum', 'default', 'examples', 'required'].includes(key)) continue;
    if (key === 'properties' || key === '$defs' || key === 'patternProperties') {
      if (isObject(value)) for (const sub of Object.values(value)) if (isObject(sub)) subschemas(sub, out);
    } else if (Array.isArray(value)) {
      for (const sub of value) if (isObject(sub)) subschemas(sub, out);
    } else if (isObject(value)) subschemas(value, out);
  }
  return out;
}

/** `schema` with one or two mistakes added at random subschemas. */
export function withMistakes(schema: Schema): fc.Arbitrary<Schema> {
  const mistake = fc.record({ at: fc.nat(), mistake: fc.constantFrom(...MISTAKES) });
  return fc.array(mistake, { minLength: 1, maxLength: 2 }).map((mistakes) => {
    const copy = structuredClone(schema);
    const places = subschemas(copy);
    for (const { at, mistake } of mistakes) {
      const [key, value] = mistake;
      places[at % places.length]![key] = structuredClone(value);
    }
    return copy;
  });
}
