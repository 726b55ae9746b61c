/**
 * Applies one schema to one piece of data the way ajv's generated code does: a boolean schema, a
 * lone `$ref`, the type check, then the untyped keywords and each type's keywords in ajv's order,
 * so errors come out in ajv's order too. What a schema object asks for (its types, which keywords
 * it has, in that order) is read once per schema and vocabulary (`NodePlan`), not on every check.
 */
import { ARRAY_KEYWORDS } from './array-keywords';
import { hasType, isWrongType, schemaTypes } from './data-types';
import type { KeywordPlace, Place, Run } from './interpreter-context';
import {
  GROUPS,
  type GroupType,
  type SchemaObject,
  TYPED_KEYWORDS,
  UNTYPED_KEYWORDS,
  type Vocabulary,
} from './keyword-table';
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

/** A keyword the schema has, with its check (keywords without one are left out: they act nowhere). */
interface PlannedKeyword {
  keyword: string;
  check: KeywordCheck;
}

/** A typed group the schema uses (has one of its keywords). */
interface PlannedGroup {
  group: GroupType;
  keywords: readonly PlannedKeyword[];
}

/** What applying a schema object involves, in evaluation order. */
type NodePlan =
  | { kind: 'none' }
  | { kind: 'ref'; check: KeywordCheck | undefined }
  | {
      kind: 'rules';
      types: readonly string[];
      /** The type is checked before the keywords (not left to a lone group's own check). */
      upfront: boolean;
      untyped: readonly PlannedKeyword[];
      groups: readonly PlannedGroup[];
    };

/** Plans per vocabulary, per schema object (schemas are immutable once compiled). */
const plans = new WeakMap<Vocabulary, WeakMap<SchemaObject, NodePlan>>();

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
  const plan = planOf(schema, run.settings.vocab);
  if (plan.kind === 'none') return true;
  if (plan.kind === 'ref') {
    if (plan.check) keyword(run, place, schema, '$ref', plan.check);
    return run.errors.length === start;
  }
  const { types, upfront } = plan;
  if (upfront && isWrongType(types, place.data, run.settings.strictNumbers)) typeError(run, place, schema);
  for (const kw of plan.untyped) {
    if (!place.allErrors && run.errors.length > start) return false;
    keyword(run, place, schema, kw.keyword, kw.check);
  }
  for (const { group, keywords } of plan.groups) {
    if (!place.allErrors && run.errors.length > start) return false;
    if (hasType(group, place.data, run.settings.strictNumbers)) {
      for (const kw of keywords) {
        if (!place.allErrors && run.errors.length > start) return false;
        keyword(run, place, schema, kw.keyword, kw.check);
      }
    } else if (!upfront && types.length === 1 && types[0] === group) {
      typeError(run, place, schema);
    }
  }
  return run.errors.length === start;
}

function planOf(schema: SchemaObject, vocab: Vocabulary): NodePlan {
  let byVocab = plans.get(vocab);
  if (!byVocab) {
    byVocab = new WeakMap();
    plans.set(vocab, byVocab);
  }
  let plan = byVocab.get(schema);
  if (!plan) {
    plan = makePlan(schema, vocab);
    byVocab.set(schema, plan);
  }
  return plan;
}

/** The decisions `validateNode` makes from the schema alone, in the order it makes them. */
function makePlan(schema: SchemaObject, vocab: Vocabulary): NodePlan {
  if (!hasRules(schema, vocab)) return { kind: 'none' };
  if (schema.$ref !== undefined && !hasRulesButRef(schema, vocab))
    return { kind: 'ref', check: CHECKS.get('$ref') };
  // Throws for a schema whose `type` ajv would not compile (never cached, so it throws each time).
  const types = schemaTypes(schema);
  const present = (keywords: readonly string[]): PlannedKeyword[] =>
    keywords.flatMap((keyword) => {
      const check = schema[keyword] === undefined ? undefined : CHECKS.get(keyword);
      return check ? [{ keyword, check }] : [];
    });
  const used = (group: GroupType) => TYPED_KEYWORDS[group].some((kw) => schema[kw] !== undefined);
  const upfront = types.length > 0 && !(types.length === 1 && isGroup(types[0]!) && used(types[0]!));
  return {
    kind: 'rules',
    types,
    upfront,
    untyped: present(UNTYPED_KEYWORDS),
    groups: GROUPS.filter(used).map((group) => ({ group, keywords: present(TYPED_KEYWORDS[group]) })),
  };
}

function isGroup(type: string): type is GroupType {
  return (GROUPS as readonly string[]).includes(type);
}

function keyword(run: Run, place: Place, schema: SchemaObject, kw: string, check: KeywordCheck): void {
  check({
    data: place.data,
    instancePath: place.instancePath,
    schemaPath: place.schemaPath,
    allErrors: place.allErrors,
    propertyName: place.propertyName,
    run,
    schema,
    keyword: kw,
    value: schema[kw],
  });
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
