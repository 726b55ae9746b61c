/**
 * Static safety checks on a form schema, run before either checker prepares it: size, depth and
 * property limits, regex patterns (the screening CEL `matches()` shares: RE2 syntax and size caps,
 * codes `regex-invalid` and `regex-too-large`), keywords that reach
 * outside the schema (`$data`, remote `$ref`, `$dynamicRef`), a nested `$id`, `unevaluated*` (which
 * only ajv implements) and formats ajv does not know.
 */
import { regexRefusal } from '../expressions/re2-regex';
import type { SchemaProblem } from './form-types';
import { appendPointer } from './json-pointer';
import { isKnownFormat, KNOWN_FORMATS } from './known-formats';
import { isSchemaObject, isSubschemaKeyword, walkSchema } from './schema-walk';
import { utf8Length } from './utf8-length';

/** Limits on a form schema: UTF-8 JSON size, subschema nesting, and properties across all objects. */
export const SCHEMA_LIMITS: Readonly<{ maxBytes: number; maxDepth: number; maxProperties: number }> =
  Object.freeze({ maxBytes: 64 * 1024, maxDepth: 12, maxProperties: 200 });

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';
/** Keywords whose values are plain data, where a `$data` key means nothing. */
const ANNOTATIONS: ReadonlySet<string> = new Set(['default', 'examples']);
const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Every static problem in the schema; empty means ajv may compile it. */
export function checkSchemaSafety(schema: unknown): SchemaProblem[] {
  let json: string | undefined;
  try {
    json = JSON.stringify(schema);
  } catch {
    json = undefined;
  }
  if (json === undefined || !isSchemaObject(schema)) {
    return [problem('form-schema-invalid', '', 'a form schema must be a JSON object')];
  }
  const bytes = utf8Length(json);
  if (bytes > SCHEMA_LIMITS.maxBytes) {
    const limit = `${SCHEMA_LIMITS.maxBytes / 1024} KiB`;
    return [
      problem(
        'form-schema-too-large',
        '',
        `schema is too large (${Math.ceil(bytes / 1024)} KiB, at most ${limit})`,
      ),
    ];
  }
  const problems: SchemaProblem[] = [];
  let propertyCount = 0;
  walkSchema(schema, ({ schema: node, path, depth }) => {
    if (depth > SCHEMA_LIMITS.maxDepth) {
      const message = `schema is nested too deeply (at most ${SCHEMA_LIMITS.maxDepth} levels)`;
      problems.push(problem('form-schema-too-deep', path, message));
      return false;
    }
    propertyCount += isSchemaObject(node.properties) ? Object.keys(node.properties).length : 0;
    problems.push(...keywordProblems(node, path));
    return true;
  });
  if (propertyCount > SCHEMA_LIMITS.maxProperties) {
    const message = `too many properties (${propertyCount}, at most ${SCHEMA_LIMITS.maxProperties})`;
    problems.push(problem('form-schema-too-large', '', message));
  }
  return problems;
}

function keywordProblems(node: Record<string, unknown>, path: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const at = (keyword: string) => appendPointer(path, keyword);
  for (const [keyword, value] of Object.entries(node)) {
    const exempt = ANNOTATIONS.has(keyword) || isSubschemaKeyword(keyword);
    if (keyword === '$data' || (!exempt && isSchemaObject(value) && Object.hasOwn(value, '$data'))) {
      problems.push(problem('form-forbidden-keyword', at(keyword), '$data references are not allowed'));
    }
  }
  if (path !== '' && node.$id !== undefined) {
    // A nested $id would start a resource of its own, with its own base for `#…` references.
    problems.push(
      problem('form-forbidden-keyword', at('$id'), '$id is allowed only on the form schema itself'),
    );
  }
  if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
    problems.push(
      problem(
        'form-forbidden-keyword',
        at('$ref'),
        `only local references (#…) are allowed, not ${node.$ref}`,
      ),
    );
  }
  for (const keyword of ['$dynamicRef', '$recursiveRef']) {
    if (keyword in node)
      problems.push(problem('form-forbidden-keyword', at(keyword), `${keyword} is not allowed`));
  }
  // Both validators must agree; the interpreter does not track evaluated properties and items.
  for (const keyword of ['unevaluatedProperties', 'unevaluatedItems']) {
    if (keyword in node) {
      const instead = keyword === 'unevaluatedItems' ? 'items' : 'additionalProperties';
      problems.push(
        problem('form-forbidden-keyword', at(keyword), `${keyword} is not allowed; use ${instead}`),
      );
    }
  }
  if (node.$schema !== undefined && node.$schema !== DRAFT_2020_12) {
    problems.push(
      problem(
        'form-schema-invalid',
        at('$schema'),
        `only JSON Schema 2020-12 (${DRAFT_2020_12}) is supported`,
      ),
    );
  }
  if (node.format !== undefined && !isKnownFormat(node.format)) {
    const message = `unknown format '${String(node.format)}'; use one of ${KNOWN_FORMATS.join(', ')}`;
    problems.push(problem('form-unknown-format', at('format'), message));
  }
  if (typeof node.pattern === 'string') problems.push(...patternProblems(node.pattern, at('pattern')));
  if (isSchemaObject(node.patternProperties)) {
    for (const key of Object.keys(node.patternProperties)) {
      problems.push(...patternProblems(key, appendPointer(at('patternProperties'), key)));
    }
  }
  const names = [
    ...(isSchemaObject(node.properties) ? Object.keys(node.properties) : []),
    ...(Array.isArray(node.required) ? node.required.map(String) : []),
  ];
  for (const name of new Set(names.filter((n) => FORBIDDEN_NAMES.has(n)))) {
    problems.push(
      problem('form-schema-invalid', at('properties'), `the field name '${name}' is not allowed`),
    );
  }
  problems.push(...unreachableRequired(node, at('required')));
  return problems;
}

/** `required` naming a field that `additionalProperties: false` forbids: no submission could pass. */
function unreachableRequired(node: Record<string, unknown>, path: string): SchemaProblem[] {
  if (node.additionalProperties !== false || !Array.isArray(node.required) || node.patternProperties)
    return [];
  const properties = isSchemaObject(node.properties) ? node.properties : {};
  return node.required
    .filter((name) => typeof name === 'string' && !Object.hasOwn(properties, name))
    .map((name) =>
      problem(
        'form-schema-invalid',
        path,
        `required field '${name}' is not in properties, and additionalProperties is false`,
      ),
    );
}

function patternProblems(pattern: string, path: string): SchemaProblem[] {
  const refusal = regexRefusal(pattern);
  return refusal ? [problem(refusal.code, path, refusal.message)] : [];
}

function problem(code: string, path: string, message: string): SchemaProblem {
  return { code, path, message };
}
