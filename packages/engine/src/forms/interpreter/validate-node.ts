/**
 * Applies one schema to one piece of data the way ajv's generated code does: a boolean schema, a
 * lone `$ref`, the type check, then the untyped keywords and each type's keywords in ajv's order,
 * so errors come out in ajv's order too.
 */
import { ARRAY_KEYWORDS } from './array-keywords';
import { hasType, isWrongType, schemaTypes } from './data-types';
import type { KeywordPlace, Place, Run } from './interpreter-context';
import { GROUPS, type GroupType, type SchemaObject, TYPED_KEYWORDS, UNTYPED_KEYWORDS } from './keyword-table';
import { OBJECT_KEYWORDS } from './object-keywords';
import { SCALAR_KEYWORDS } from './scalar-keywords';
import { hasRules, hasRulesButRef } from './schema-facts';
import { UNTYPED_CHECKS } from './untyped-keywords';

/** A keyword's check: records errors through `fail` and subschemas. */
export type KeywordCheck = (k: KeywordPlace) => void;

const CHECKS: ReadonlyMap<string, KeywordCheck> = new Map([
  ...UNTYPED_CHECKS,
  ...SCALAR_KEYWORDS,
  ...ARRAY_KEYWORDS,
  ...OBJECT_KEYWORDS,
]);

/** Applies `place.schema` to `place.data`; true when it holds. */
export function validateNode(run: Run, place: Place): boolean {
  const { schema } = place;
  const start = run.errors.length;
  if (schema === true) return true;
  if (schema === false) {
    run.errors.push({
      instancePath: place.instancePath,
      schemaPath: `${place.schemaPath}/false schema`,
      keyword: 'false schema',
      params: {},
      message: 'boolean schema is false',
      schema: false,
      parentSchema: false,
      ...(place.propertyName === undefined ? {} : { propertyName: place.propertyName }),
    });
    return false;
  }
  const { vocab } = run.settings;
  if (!hasRules(schema, vocab)) return true;
  if (schema.$ref !== undefined && !hasRulesButRef(schema, vocab)) {
    keyword(run, place, schema, '$ref');
    return run.errors.length === start;
  }
  const types = schemaTypes(schema);
  const used = (group: GroupType) => TYPED_KEYWORDS[group].some((kw) => schema[kw] !== undefined);
  const upfront = types.length > 0 && !(types.length === 1 && isGroup(types[0]!) && used(types[0]!));
  if (upfront && isWrongType(types, place.data, run.settings.strictNumbers)) typeError(run, place, schema);
  for (const kw of UNTYPED_KEYWORDS) {
    if (!place.allErrors && run.errors.length > start) return false;
    if (schema[kw] !== undefined) keyword(run, place, schema, kw);
  }
  for (const group of GROUPS) {
    if (!used(group)) continue;
    if (!place.allErrors && run.errors.length > start) return false;
    if (hasType(group, place.data, run.settings.strictNumbers)) {
      for (const kw of TYPED_KEYWORDS[group]) {
        if (!place.allErrors && run.errors.length > start) return false;
        if (schema[kw] !== undefined) keyword(run, place, schema, kw);
      }
    } else if (!upfront && types.length === 1 && types[0] === group) {
      typeError(run, place, schema);
    }
  }
  return run.errors.length === start;
}

function isGroup(type: string): type is GroupType {
  return (GROUPS as readonly string[]).includes(type);
}

function keyword(run: Run, place: Place, schema: SchemaObject, kw: string): void {
  const check = CHECKS.get(kw);
  if (!check) return;
  const { schema: _, ...at } = place;
  check({ ...at, run, schema, keyword: kw, value: schema[kw] });
}

function typeError(run: Run, place: Place, schema: SchemaObject): void {
  run.errors.push({
    instancePath: place.instancePath,
    schemaPath: `${place.schemaPath}/type`,
    keyword: 'type',
    params: { type: schema.type },
    message: `must be ${String(schema.type)}`,
    schema: schema.type,
    parentSchema: schema,
    ...(place.propertyName === undefined ? {} : { propertyName: place.propertyName }),
  });
}
