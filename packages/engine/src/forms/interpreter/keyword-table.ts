/**
 * ajv's keyword tables for draft 2020-12, which decide the order errors come in: the untyped
 * keywords first, then those of numbers, strings, arrays and objects, each group in ajv's order.
 * (ajv builds these lists in `getRules` and its vocabularies; the parity tests pin them.)
 */

/** A JSON Schema object (boolean schemas are handled apart). */
export type SchemaObject = Record<string, unknown>;

/** A data type ajv's keyword groups are keyed by. */
export type GroupType = 'number' | 'string' | 'array' | 'object';

/** Keywords applying to any data, in evaluation order (annotations and no-ops included). */
export const UNTYPED_KEYWORDS = [
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveAnchor',
  '$recursiveRef',
  '$comment',
  'id',
  '$ref',
  'type',
  'nullable',
  'const',
  'enum',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
] as const;

/** Keywords applying to one data type, in evaluation order. */
export const TYPED_KEYWORDS: Readonly<Record<GroupType, readonly string[]>> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: [
    'maxItems',
    'minItems',
    'prefixItems',
    'items',
    'contains',
    'uniqueItems',
    'maxContains',
    'minContains',
  ],
  object: [
    'maxProperties',
    'minProperties',
    'required',
    'propertyNames',
    'additionalProperties',
    'dependencies',
    'properties',
    'patternProperties',
    'dependentRequired',
    'dependentSchemas',
  ],
};

/** The typed groups in evaluation order. */
export const GROUPS: readonly GroupType[] = ['number', 'string', 'array', 'object'];

/** ajv's `RULES.all`, in its order: keywords that do something (not plain annotations). */
export const RULE_KEYWORDS: readonly string[] = [
  '$dynamicAnchor',
  '$dynamicRef',
  '$recursiveAnchor',
  '$recursiveRef',
  '$comment',
  'id',
  '$ref',
  'maximum',
  'minimum',
  'exclusiveMaximum',
  'exclusiveMinimum',
  'multipleOf',
  'maxLength',
  'minLength',
  'pattern',
  'maxProperties',
  'minProperties',
  'required',
  'maxItems',
  'minItems',
  'uniqueItems',
  'type',
  'nullable',
  'const',
  'enum',
  'not',
  'anyOf',
  'oneOf',
  'allOf',
  'if',
  'then',
  'else',
  'propertyNames',
  'additionalProperties',
  'dependencies',
  'properties',
  'patternProperties',
  'prefixItems',
  'items',
  'contains',
  'format',
  'dependentRequired',
  'dependentSchemas',
  'maxContains',
  'minContains',
  'unevaluatedProperties',
  'unevaluatedItems',
];

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

/** The data types each typed keyword applies to (for strict types). */
export const KEYWORD_TYPES: ReadonlyMap<string, readonly GroupType[]> = new Map<string, readonly GroupType[]>(
  [
    ...Object.entries(TYPED_KEYWORDS).flatMap(([type, keywords]) =>
      keywords.filter((k) => k !== 'format').map((k) => [k, [type as GroupType]] as const),
    ),
    ['format', ['number', 'string']],
  ],
);

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
  const rules = new Set([...RULE_KEYWORDS, ...extra]);
  return { rules, known: new Set([...rules, ...ANNOTATION_KEYWORDS]), extra };
}
