/** Keywords for any data: `$ref`, `const`, `enum` and the combinators `not`, `anyOf`, `oneOf`, `allOf`, `if`. */
import { deepEqual } from './deep-equal';
import { applySubschema, fail, type KeywordPlace, resetErrors } from './interpreter-context';
import { isAlwaysValid } from './schema-facts';

const same = (allowed: unknown, data: unknown) =>
  allowed !== null && typeof allowed === 'object' ? deepEqual(data, allowed) : allowed === data;

function ref(k: KeywordPlace): void {
  const target = k.run.resolve(k.value as string);
  const { propertyName, ...rest } = k;
  k.run.validate({
    ...rest,
    schema: target.schema,
    // An inlined target keeps the ref as its schema path; a called one starts at its own root.
    schemaPath: target.inline ? (k.value as string) : '#',
    ...(target.inline ? { allErrors: k.allErrors } : { allErrors: true }),
    ...(target.inline && propertyName !== undefined ? { propertyName } : {}),
  });
}

function constKeyword(k: KeywordPlace): void {
  if (!same(k.value, k.data)) fail(k, { allowedValue: k.value }, 'must be equal to constant');
}

function enumKeyword(k: KeywordPlace): void {
  const values = k.value as unknown[];
  if (!values.some((v) => same(v, k.data))) {
    fail(k, { allowedValues: values }, 'must be equal to one of the allowed values');
  }
}

function not(k: KeywordPlace): void {
  const start = k.run.errors.length;
  const holds = isAlwaysValid(k.value, k.run.settings.vocab) || applySubschema(k, { allErrors: false });
  resetErrors(k.run, start);
  if (holds) fail(k, {}, 'must NOT be valid');
}

/** Every branch is tried (ajv 2020 tracks evaluated properties, so it does not stop early). */
function anyOf(k: KeywordPlace): void {
  const start = k.run.errors.length;
  let valid = false;
  (k.value as unknown[]).forEach((_, i) => {
    if (applySubschema(k, { schemaProp: i })) valid = true;
  });
  if (valid) resetErrors(k.run, start);
  else fail(k, {}, 'must match a schema in anyOf');
}

/** Stops at the second passing branch, naming both. */
function oneOf(k: KeywordPlace): void {
  const start = k.run.errors.length;
  let passing: number | [number, number] | null = null;
  let valid = false;
  const branches = k.value as unknown[];
  for (let i = 0; i < branches.length; i++) {
    const holds = isAlwaysValid(branches[i], k.run.settings.vocab) || applySubschema(k, { schemaProp: i });
    if (holds && valid) {
      valid = false;
      passing = [passing as number, i];
      break;
    }
    if (holds) {
      valid = true;
      passing = i;
    }
  }
  if (valid) resetErrors(k.run, start);
  else fail(k, { passingSchemas: passing }, 'must match exactly one schema in oneOf');
}

function allOf(k: KeywordPlace): void {
  (k.value as unknown[]).forEach((branch, i) => {
    if (!isAlwaysValid(branch, k.run.settings.vocab)) applySubschema(k, { schemaProp: i });
  });
}

function ifKeyword(k: KeywordPlace): void {
  const { vocab } = k.run.settings;
  const has = (clause: 'then' | 'else') =>
    k.schema[clause] !== undefined && !isAlwaysValid(k.schema[clause], vocab);
  if (!has('then') && !has('else')) return;
  const start = k.run.errors.length;
  const condition = applySubschema(k, { allErrors: false });
  resetErrors(k.run, start);
  const clause = condition ? 'then' : 'else';
  if (!has(clause)) return;
  const holds = applySubschema({ ...k, keyword: clause, value: k.schema[clause] });
  if (!holds) fail(k, { failingKeyword: clause }, `must match "${clause}" schema`);
}

export const UNTYPED_CHECKS: ReadonlyMap<string, (k: KeywordPlace) => void> = new Map([
  ['$ref', ref],
  ['const', constKeyword],
  ['enum', enumKeyword],
  ['not', not],
  ['anyOf', anyOf],
  ['oneOf', oneOf],
  ['allOf', allOf],
  ['if', ifKeyword],
]);
