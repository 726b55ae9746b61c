/**
 * Keywords for objects, as ajv checks them: sizes, `required`, `propertyNames`,
 * `additionalProperties`, `properties`, `patternProperties` and the dependency keywords. A
 * property counts as present when reading it gives something other than undefined.
 */
import { applySubschema, fail, type KeywordPlace } from './interpreter-context';
import { schemaRegExp } from './scalar-keywords';
import { isAlwaysValid, schemaKeys } from './schema-facts';

const fieldsOf = (k: KeywordPlace) => k.data as Record<string, unknown>;
const present = (data: Record<string, unknown>, key: string) => data[key] !== undefined;

function size(k: KeywordPlace): void {
  const limit = k.value as number;
  const most = k.keyword === 'maxProperties';
  const count = Object.keys(fieldsOf(k)).length;
  if (most ? count > limit : count < limit) {
    fail(k, { limit }, `must NOT have ${most ? 'more' : 'fewer'} than ${limit} properties`);
  }
}

function required(k: KeywordPlace): void {
  for (const key of k.value as string[]) {
    if (!present(fieldsOf(k), key)) {
      fail(k, { missingProperty: key }, `must have required property '${key}'`);
    }
  }
}

function propertyNames(k: KeywordPlace): void {
  if (isAlwaysValid(k.value, k.run.settings.vocab)) return;
  for (const key in fieldsOf(k)) {
    if (!applySubschema(k, { data: { value: key, propertyName: key } })) {
      fail(k, { propertyName: key }, 'property name must be valid');
    }
  }
}

function additionalProperties(k: KeywordPlace): void {
  if (isAlwaysValid(k.value, k.run.settings.vocab)) return;
  const declared = k.schema.properties as Record<string, unknown> | undefined;
  const names = schemaKeys(declared);
  const patterns = schemaKeys(k.schema.patternProperties).map(schemaRegExp);
  // ajv compares with up to 8 names and looks the key up in `properties` beyond that.
  const isDeclared = (key: string) =>
    names.length > 8 ? Object.hasOwn(declared!, key) : names.includes(key);
  for (const key in fieldsOf(k)) {
    if (isDeclared(key) || patterns.some((p) => p.test(key))) continue;
    if (k.value === false) fail(k, { additionalProperty: key }, 'must NOT have additional properties');
    else applySubschema(k, { dataProp: key });
  }
}

function properties(k: KeywordPlace): void {
  const map = k.value as Record<string, unknown>;
  const checked = schemaKeys(map).filter((p) => !isAlwaysValid(map[p], k.run.settings.vocab));
  for (const prop of checked) {
    if (present(fieldsOf(k), prop)) applySubschema(k, { schemaProp: prop, dataProp: prop });
  }
}

function patternProperties(k: KeywordPlace): void {
  const map = k.value as Record<string, unknown>;
  for (const pattern of schemaKeys(map)) {
    if (isAlwaysValid(map[pattern], k.run.settings.vocab)) continue;
    const regex = schemaRegExp(pattern);
    for (const key in fieldsOf(k)) {
      if (regex.test(key)) applySubschema(k, { schemaProp: pattern, dataProp: key });
    }
  }
}

/** `dependentRequired` and the list form of `dependencies`. */
function propertyDeps(k: KeywordPlace, deps: Record<string, string[]>): void {
  const data = fieldsOf(k);
  for (const prop in deps) {
    const needed = deps[prop]!;
    if (needed.length === 0 || !present(data, prop)) continue;
    for (const missing of needed) {
      if (present(data, missing)) continue;
      const params = {
        property: prop,
        missingProperty: missing,
        depsCount: needed.length,
        deps: needed.join(', '),
      };
      const noun = needed.length === 1 ? 'property' : 'properties';
      fail(k, params, `must have ${noun} ${params.deps} when property ${prop} is present`);
    }
  }
}

/** `dependentSchemas` and the schema form of `dependencies`. */
function schemaDeps(k: KeywordPlace, deps: Record<string, unknown>): void {
  for (const prop in deps) {
    if (isAlwaysValid(deps[prop], k.run.settings.vocab)) continue;
    if (present(fieldsOf(k), prop)) applySubschema(k, { schemaProp: prop });
  }
}

function dependencies(k: KeywordPlace): void {
  const lists: Record<string, string[]> = {};
  const schemas: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(k.value as Record<string, unknown>)) {
    if (key === '__proto__') continue;
    if (Array.isArray(value)) lists[key] = value as string[];
    else schemas[key] = value;
  }
  propertyDeps(k, lists);
  schemaDeps(k, schemas);
}

export const OBJECT_KEYWORDS: ReadonlyMap<string, (k: KeywordPlace) => void> = new Map([
  ['maxProperties', size],
  ['minProperties', size],
  ['required', required],
  ['propertyNames', propertyNames],
  ['additionalProperties', additionalProperties],
  ['dependencies', dependencies],
  ['properties', properties],
  ['patternProperties', patternProperties],
  ['dependentRequired', (k: KeywordPlace) => propertyDeps(k, k.value as Record<string, string[]>)],
  ['dependentSchemas', (k: KeywordPlace) => schemaDeps(k, k.value as Record<string, unknown>)],
]);
