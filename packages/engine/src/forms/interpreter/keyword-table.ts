/**
 * ajv's keywords for draft 2020-12, in the order its vocabularies add them. That order decides
 * the order of errors: the untyped keywords first, then those of numbers, strings, arrays and
 * objects, each group in table order (a keyword with `before` goes ahead of that one, as in ajv).
 */
import { FORM_KEYWORDS } from '../known-formats';

/** A JSON Schema object (boolean schemas are handled apart). */
export type SchemaObject = Record<string, unknown>;

/** A data type ajv's keyword groups are keyed by. */
export type GroupType = 'number' | 'string' | 'array' | 'object';

/** One acting keyword: the data types it applies to (none: any) and the types its value may have. */
interface KeywordRule {
  keyword: string;
  types: readonly GroupType[];
  valueTypes: readonly string[];
  before?: string;
}

const rules = (keywords: string[], types: GroupType[], valueTypes: string[], before?: string) =>
  keywords.map((keyword): KeywordRule => ({ keyword, types, valueTypes, ...(before ? { before } : {}) }));
const SCHEMA = ['object', 'boolean'];

/** ajv's `RULES.all`: the dynamic, core, validation, applicator, format, "next" and unevaluated vocabularies. */
const TABLE: readonly KeywordRule[] = [
  ...rules(['$dynamicAnchor', '$dynamicRef', '$recursiveAnchor', '$recursiveRef'], [], ['string']),
  ...rules(['$comment', 'id'], [], []),
  ...rules(['$ref'], [], ['string']),
  ...rules(
    ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf'],
    ['number'],
    ['number'],
  ),
  ...rules(['maxLength', 'minLength'], ['string'], ['number']),
  ...rules(['pattern'], ['string'], ['string']),
  ...rules(['maxProperties', 'minProperties'], ['object'], ['number']),
  ...rules(['required'], ['object'], ['array']),
  ...rules(['maxItems', 'minItems'], ['array'], ['number']),
  ...rules(['uniqueItems'], ['array'], ['boolean']),
  ...rules(['type'], [], ['string', 'array']),
  ...rules(['nullable'], [], ['boolean']),
  ...rules(['const'], [], []),
  ...rules(['enum'], [], ['array']),
  ...rules(['not'], [], SCHEMA),
  ...rules(['anyOf', 'oneOf', 'allOf'], [], ['array']),
  ...rules(['if', 'then', 'else'], [], SCHEMA),
  ...rules(['propertyNames', 'additionalProperties'], ['object'], SCHEMA),
  ...rules(['dependencies', 'properties', 'patternProperties'], ['object'], ['object']),
  ...rules(['prefixItems'], ['array'], ['array'], 'uniqueItems'),
  ...rules(['items', 'contains'], ['array'], SCHEMA, 'uniqueItems'),
  ...rules(['format'], ['number', 'string'], ['string']),
  ...rules(['dependentRequired', 'dependentSchemas'], ['object'], ['object']),
  ...rules(['maxContains', 'minContains'], ['array'], ['number']),
  ...rules(['unevaluatedProperties'], ['object'], SCHEMA),
  ...rules(['unevaluatedItems'], ['array'], SCHEMA),
];

/** Acting keywords in ajv's `RULES.all` order (strict types checks them in this order). */
export const RULE_KEYWORDS: readonly string[] = TABLE.map((r) => r.keyword);

/** Keywords applying to any data, in evaluation order. */
export const UNTYPED_KEYWORDS: readonly string[] = TABLE.filter((r) => r.types.length === 0).map(
  (r) => r.keyword,
);

/** The typed groups in evaluation order. */
export const GROUPS: readonly GroupType[] = ['number', 'string', 'array', 'object'];

/** Keywords applying to one data type, in evaluation order. */
export const TYPED_KEYWORDS: Readonly<Record<GroupType, readonly string[]>> = typedGroups();

function typedGroups(): Record<GroupType, string[]> {
  const groups = { number: [], string: [], array: [], object: [] } as Record<GroupType, string[]>;
  for (const rule of TABLE) {
    for (const group of rule.types) {
      const order = groups[group];
      const at = rule.before ? order.indexOf(rule.before) : -1;
      order.splice(at < 0 ? order.length : at, 0, rule.keyword);
    }
  }
  return groups;
}

/** The data types each typed keyword applies to, in `RULES.all` order (for strict types). */
export const KEYWORD_TYPES: ReadonlyMap<string, readonly GroupType[]> = new Map(
  TABLE.filter((r) => r.types.length > 0).map((r) => [r.keyword, r.types]),
);

/** The types a keyword's value may have (ajv refuses to compile others); forms add `enumNames`, `x-roles`, `x-unitKinds`. */
export const VALUE_TYPES: ReadonlyMap<string, readonly string[]> = new Map([
  ...TABLE.filter((r) => r.valueTypes.length > 0).map((r) => [r.keyword, r.valueTypes] as const),
  ...FORM_KEYWORDS.map((k) => [k, ['array']] as const),
]);

/** Keywords ajv knows without acting on them (core and meta-data vocabularies). */
const ANNOTATION_KEYWORDS: readonly string[] = [
  '$async',
  '$schema',
  '$id',
  '$defs',
  '$vocabulary',
  'definitions',
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'examples',
  'contentMediaType',
  'contentEncoding',
  'contentSchema',
];

/** A schema dialect: which keywords exist (forms add `enumNames`). */
export interface Vocabulary {
  /** Keywords that act (ajv's `RULES.all`). */
  rules: ReadonlySet<string>;
  /** Every keyword ajv accepts in strict mode (ajv's `RULES.keywords`). */
  known: ReadonlySet<string>;
  /** Keywords added to the dialect, checked after the untyped ones. */
  extra: readonly string[];
}

/** The 2020-12 vocabulary plus extra annotation keywords that count as rules (as ajv's `addKeyword` does). */
export function vocabulary(extra: readonly string[] = []): Vocabulary {
  const acting = new Set([...RULE_KEYWORDS, ...extra]);
  return { rules: acting, known: new Set([...acting, ...ANNOTATION_KEYWORDS]), extra };
}
