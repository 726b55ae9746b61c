/** What compiling each keyword checks in ajv (its value's type, strict-mode rules) and which subschemas it compiles. */
import type { KeywordAt, KeywordCompile } from './compile-types';
import { schemaTypes } from './data-types';
import { type SchemaObject, VALUE_TYPES } from './keyword-table';
import { FORM_KEYWORDS } from '../known-formats';
import { schemaRegExp } from './scalar-keywords';
import { fragment, schemaKeys } from './schema-facts';

function valueType(k: KeywordAt): void {
  const types = VALUE_TYPES.get(k.keyword);
  if (!types) return;
  const fits = types.some((t) =>
    t === 'array'
      ? Array.isArray(k.value)
      : t === 'object'
        ? typeof k.value === 'object' && k.value !== null && !Array.isArray(k.value)
        : typeof k.value === t,
  );
  if (!fits) throw new Error(`${k.keyword} value must be ${JSON.stringify(types)}`);
}

/** A subschema of the keyword (`schemaProp` inside it); `sameData` keeps the context's types. */
function sub(
  k: KeywordAt,
  schemaProp: string | number | undefined,
  dataTypes: readonly string[] | 'same',
): void {
  const value =
    schemaProp === undefined ? k.value : (k.value as Record<string | number, unknown>)[schemaProp];
  const schemaPath = `${k.at.schemaPath}/${k.keyword}${schemaProp === undefined ? '' : `/${fragment(schemaProp)}`}`;
  k.c.subschema(value, { schemaPath, dataTypes: dataTypes === 'same' ? k.at.dataTypes : dataTypes });
}

const COMPILERS: Record<string, KeywordCompile> = {
  $ref(k) {
    const ref = k.value as string;
    const target = k.c.resolve(ref);
    if (target.inline) k.c.subschema(target.schema, { schemaPath: ref, dataTypes: [] });
    else if (!k.c.called.has(target.schema)) {
      k.c.called.add(target.schema);
      k.c.subschema(target.schema, { schemaPath: '#', dataTypes: [] });
    }
  },
  id() {
    throw new Error('NOT SUPPORTED: keyword "id", use "$id" for schema ID');
  },
  enum(k) {
    if ((k.value as unknown[]).length === 0) throw new Error('enum must have non-empty array');
  },
  not(k) {
    if (!k.c.isAlwaysValid(k.value)) sub(k, undefined, 'same');
  },
  anyOf(k) {
    const branches = k.value as unknown[];
    branches.some((b) => k.c.isAlwaysValid(b));
    for (let i = 0; i < branches.length; i++) sub(k, i, 'same');
  },
  oneOf: branches,
  allOf: branches,
  if(k) {
    if (k.schema.then === undefined && k.schema.else === undefined) {
      k.c.strictError('"if" without "then" and "else" is ignored');
    }
    const has = (clause: string) => k.schema[clause] !== undefined && !k.c.isAlwaysValid(k.schema[clause]);
    const hasThen = has('then');
    const hasElse = has('else');
    if (!hasThen && !hasElse) return;
    sub(k, undefined, 'same');
    for (const [clause, present] of [
      ['then', hasThen],
      ['else', hasElse],
    ] as const) {
      if (present) sub({ ...k, keyword: clause, value: k.schema[clause] }, undefined, 'same');
    }
  },
  then: lonelyClause,
  else: lonelyClause,
  pattern(k) {
    schemaRegExp(k.value as string);
  },
  format(k) {
    const name = k.value as string;
    if (k.c.strict && !Object.hasOwn(k.c.settings.formats, name)) {
      throw new Error(`unknown format "${name}" ignored in schema at path "${k.at.schemaPath}"`);
    }
  },
  uniqueItems(k) {
    const { items } = k.schema;
    if (k.value && items && typeof items === 'object') schemaTypes(items as SchemaObject);
  },
  prefixItems(k) {
    const tuple = k.value as unknown[];
    const full =
      tuple.length === k.schema.minItems && (tuple.length === k.schema.maxItems || k.schema.items === false);
    if (!full) {
      k.c.strictError(
        `"prefixItems" is ${tuple.length}-tuple, but minItems or maxItems/items are not specified or different at path "${k.at.schemaPath}"`,
      );
    }
    tuple.forEach((schema, i) => {
      if (!k.c.isAlwaysValid(schema)) sub(k, i, []);
    });
  },
  items(k) {
    if (k.c.isAlwaysValid(k.value)) return;
    if (Array.isArray(k.schema.prefixItems) && k.value === false) return;
    sub(k, undefined, []);
  },
  contains(k) {
    const { minContains, maxContains } = k.schema;
    const min = minContains === undefined ? 1 : (minContains as number);
    if (maxContains === undefined && min === 0) {
      return k.c.strictError('"minContains" == 0 without "maxContains": "contains" keyword ignored');
    }
    if (maxContains !== undefined && min > (maxContains as number)) {
      return k.c.strictError('"minContains" > "maxContains" is always invalid');
    }
    if (!k.c.isAlwaysValid(k.value)) sub(k, undefined, []);
  },
  maxContains: containsLimit,
  minContains: containsLimit,
  propertyNames(k) {
    if (!k.c.isAlwaysValid(k.value)) sub(k, undefined, ['string']);
  },
  additionalProperties(k) {
    if (!k.c.isAlwaysValid(k.value) && typeof k.value === 'object') sub(k, undefined, []);
  },
  dependencies(k) {
    const deps = k.value as Record<string, unknown>;
    const schemas = Object.keys(deps).filter((p) => p !== '__proto__' && !Array.isArray(deps[p]));
    for (const prop of schemas) if (!k.c.isAlwaysValid(deps[prop])) sub(k, prop, 'same');
  },
  dependentSchemas(k) {
    const deps = k.value as Record<string, unknown>;
    for (const prop of Object.keys(deps)) if (!k.c.isAlwaysValid(deps[prop])) sub(k, prop, 'same');
  },
  properties(k) {
    const map = k.value as Record<string, unknown>;
    const checked = schemaKeys(map).filter((p) => !k.c.isAlwaysValid(map[p]));
    for (const prop of checked) sub(k, prop, []);
  },
  patternProperties(k) {
    const map = k.value as Record<string, unknown>;
    const patterns = schemaKeys(map);
    const alwaysValid = patterns.filter((p) => k.c.isAlwaysValid(map[p]));
    const evaluatedAll = k.schema.additionalProperties !== undefined;
    if (patterns.length === 0 || (alwaysValid.length === patterns.length && evaluatedAll)) return;
    const declared = k.c.strict ? (k.schema.properties as Record<string, unknown> | undefined) : undefined;
    for (const pattern of patterns) {
      for (const prop in declared ?? {}) {
        if (new RegExp(pattern).test(prop)) {
          k.c.strictError(`property ${prop} matches pattern ${pattern} (use allowMatchingProperties)`);
        }
      }
      if (!alwaysValid.includes(pattern)) sub(k, pattern, []);
    }
  },
  enumNames: stringList,
  'x-roles': stringList,
  'x-unitKinds': stringList,
};

/** A form keyword whose value is a list of strings, refused as ajv refuses a keyword's metaSchema. */
function stringList(k: KeywordAt): void {
  const problems = Array.isArray(k.value)
    ? k.value.flatMap((name, i) => (typeof name === 'string' ? [] : [`data/${i} must be string`]))
    : ['data must be array'];
  if (problems.length > 0) {
    throw new Error(
      `keyword "${k.keyword}" value is invalid at path "${k.at.schemaPath}": ${problems.join(', ')}`,
    );
  }
}

function branches(k: KeywordAt): void {
  (k.value as unknown[]).forEach((branch, i) => {
    if (!k.c.isAlwaysValid(branch)) sub(k, i, 'same');
  });
}

function lonelyClause(k: KeywordAt): void {
  if (k.schema.if === undefined) k.c.strictError(`"${k.keyword}" without "if" is ignored`);
}

function containsLimit(k: KeywordAt): void {
  if (k.schema.contains === undefined) k.c.strictError(`"${k.keyword}" without "contains" is ignored`);
}

/** Per keyword: its value's type first (as ajv's keyword context does), then its own checks. */
export const KEYWORD_COMPILERS: ReadonlyMap<string, KeywordCompile> = new Map(
  [...new Set([...VALUE_TYPES.keys(), ...Object.keys(COMPILERS)])].map((kw) => [
    kw,
    (k: KeywordAt) => {
      const formKeyword = (FORM_KEYWORDS as readonly string[]).includes(kw);
      if (formKeyword) COMPILERS[kw]!(k);
      valueType(k);
      if (!formKeyword) COMPILERS[kw]?.(k);
    },
  ]),
);
