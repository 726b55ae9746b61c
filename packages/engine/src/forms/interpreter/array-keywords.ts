/** Keywords for arrays: sizes, `prefixItems`/`items`, `contains` and `uniqueItems`, as ajv checks them. */
import { isSchemaObject } from '../schema-walk';
import { isWrongType, schemaTypes } from './data-types';
import { deepEqual } from './deep-equal';
import { applySubschema, fail, type KeywordPlace, resetErrors } from './interpreter-context';
import { isAlwaysValid } from './schema-facts';

const itemsOf = (k: KeywordPlace) => k.data as unknown[];

function size(k: KeywordPlace): void {
  const limit = k.value as number;
  const most = k.keyword === 'maxItems';
  const count = itemsOf(k).length;
  if (most ? count > limit : count < limit) {
    fail(k, { limit }, `must NOT have ${most ? 'more' : 'fewer'} than ${limit} items`);
  }
}

function prefixItems(k: KeywordPlace): void {
  const count = itemsOf(k).length;
  (k.value as unknown[]).forEach((schema, i) => {
    if (!isAlwaysValid(schema, k.run.settings.vocab) && count > i)
      applySubschema(k, { schemaProp: i, dataProp: i });
  });
}

function items(k: KeywordPlace): void {
  if (isAlwaysValid(k.value, k.run.settings.vocab)) return;
  const data = itemsOf(k);
  const prefix = k.schema.prefixItems;
  const from = Array.isArray(prefix) ? prefix.length : 0;
  if (Array.isArray(prefix) && k.value === false) {
    if (data.length > from) fail(k, { limit: from }, `must NOT have more than ${from} items`);
    return;
  }
  for (let i = from; i < data.length; i++) applySubschema(k, { dataProp: i });
}

function contains(k: KeywordPlace): void {
  const { minContains, maxContains } = k.schema;
  const min = minContains === undefined ? 1 : (minContains as number);
  const max = maxContains as number | undefined;
  const data = itemsOf(k);
  const params = max === undefined ? { minContains: min } : { minContains: min, maxContains: max };
  const message =
    max === undefined
      ? `must contain at least ${min} valid item(s)`
      : `must contain at least ${min} and no more than ${max} valid item(s)`;
  if (max === undefined && min === 0) return;
  if (max !== undefined && min > max) return fail(k, params, message);
  if (isAlwaysValid(k.value, k.run.settings.vocab)) {
    if (!(data.length >= min && (max === undefined || data.length <= max))) fail(k, params, message);
    return;
  }
  const start = k.run.errors.length;
  let valid = min === 0;
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    if (!applySubschema(k, { dataProp: i })) continue;
    count++;
    if (max === undefined) {
      if (count >= min) {
        valid = true;
        break;
      }
    } else if (count > max) {
      valid = false;
      break;
    } else if (count >= min) valid = true;
  }
  if (valid) resetErrors(k.run, start);
  else fail(k, params, message);
}

/**
 * ajv's two duplicate searches: for items of one scalar type a lookup table (which reports the
 * lower index first), otherwise comparing pairs from the end.
 */
function uniqueItems(k: KeywordPlace): void {
  if (!k.value) return;
  const data = itemsOf(k);
  const { items: itemSchema } = k.schema;
  const types = isSchemaObject(itemSchema) ? schemaTypes(itemSchema) : [];
  const scalar = types.length > 0 && !types.some((t) => t === 'object' || t === 'array');
  const duplicate = scalar ? byTable(data, types, k.run.settings.strictNumbers) : byPairs(data);
  if (duplicate) {
    const [i, j] = duplicate;
    fail(k, { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
  }
}

function byTable(data: unknown[], types: string[], strictNumbers: boolean): [number, number] | undefined {
  // A plain object on purpose: ajv's table, with its quirks (`__proto__` is never found twice).
  const indices: Record<string, unknown> = {};
  for (let i = data.length; i--; ) {
    let item = data[i];
    if (isWrongType(types, item, strictNumbers)) continue;
    if (types.length > 1 && typeof item === 'string') item += '_';
    const key = String(item);
    if (typeof indices[key] === 'number') return [i, indices[key] as number];
    indices[key] = i;
  }
  return undefined;
}

function byPairs(data: unknown[]): [number, number] | undefined {
  for (let i = data.length; i--; ) {
    for (let j = i; j--; ) if (deepEqual(data[i], data[j])) return [i, j];
  }
  return undefined;
}

export const ARRAY_KEYWORDS: ReadonlyMap<string, (k: KeywordPlace) => void> = new Map([
  ['maxItems', size],
  ['minItems', size],
  ['prefixItems', prefixItems],
  ['items', items],
  ['contains', contains],
  ['uniqueItems', uniqueItems],
]);
