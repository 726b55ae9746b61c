/**
 * What ajv refuses while compiling a schema, found without compiling it: walks the schema in ajv's
 * code-generation order and throws ajv's message for the first problem — strict mode (unknown
 * keywords, strict types, tuples, lone if/then/else, …) when `strict`, and in any mode a missing
 * `$ref` target, an empty `enum`, a keyword value of the wrong type, an invalid `pattern`.
 */
import { isSchemaObject } from '../schema-walk';
import type { Compilation, CompileAt } from './compile-types';
import { schemaTypes } from './data-types';
import type { InterpreterSettings, RefTarget } from './interpreter-context';
import { KEYWORD_COMPILERS } from './keyword-compilers';
import { GROUPS, KEYWORD_TYPES, type SchemaObject, TYPED_KEYWORDS, UNTYPED_KEYWORDS } from './keyword-table';
import { hasRules, hasRulesButRef, isAlwaysValid } from './schema-facts';

/** Throws ajv's compile error for the schema, if it has one. */
export function checkCompiles(
  root: SchemaObject | boolean,
  settings: InterpreterSettings,
  strict: boolean,
  resolve: (ref: string) => RefTarget,
): void {
  const baseId = isSchemaObject(root) && typeof root.$id === 'string' ? root.$id.replace(/#$/, '') : '';
  const c: Compilation = {
    settings,
    strict,
    baseId,
    resolve,
    called: new Set([root]),
    subschema: (schema, at) => compileNode(c, schema, at),
    isAlwaysValid: (schema) => {
      if (isSchemaObject(schema) && Object.keys(schema).length > 0) checkKnown(c, schema);
      return isAlwaysValid(schema, settings.vocab);
    },
    strictError: (message) => {
      if (strict) throw new Error(`strict mode: ${message}`);
    },
  };
  compileNode(c, root, { schemaPath: '#', dataTypes: [] });
}

function checkKnown(c: Compilation, schema: SchemaObject): void {
  for (const key in schema) {
    if (!c.settings.vocab.known.has(key)) c.strictError(`unknown keyword: "${key}"`);
  }
}

function compileNode(c: Compilation, schema: unknown, at: CompileAt): void {
  if (!isSchemaObject(schema)) return;
  checkKnown(c, schema);
  if (!hasRules(schema, c.settings.vocab)) return;
  const types = schemaTypes(schema);
  if (schema.$ref !== undefined && !hasRulesButRef(schema, c.settings.vocab)) {
    keyword(c, schema, '$ref', at);
    return;
  }
  const here = { ...at, dataTypes: strictTypes(c, schema, types, at) };
  for (const kw of [...UNTYPED_KEYWORDS, ...c.settings.vocab.extra]) {
    if (schema[kw] !== undefined) keyword(c, schema, kw, here);
  }
  for (const group of GROUPS) {
    for (const kw of TYPED_KEYWORDS[group]) if (schema[kw] !== undefined) keyword(c, schema, kw, here);
  }
  for (const kw of ['unevaluatedProperties', 'unevaluatedItems']) {
    if (schema[kw] !== undefined) throw new Error(`${kw} is not supported`);
  }
}

/** ajv's strict types: a type the context rules out, or a keyword for a type the schema cannot have. */
function strictTypes(
  c: Compilation,
  schema: SchemaObject,
  types: string[],
  at: CompileAt,
): readonly string[] {
  let dataTypes = at.dataTypes;
  const error = (message: string) =>
    c.strictError(`${message} at "${c.baseId}${at.schemaPath}" (strictTypes)`);
  if (types.length > 0) {
    if (dataTypes.length === 0) dataTypes = types;
    else {
      for (const t of types) {
        if (!(dataTypes.includes(t) || (t === 'integer' && dataTypes.includes('number')))) {
          error(`type "${t}" not allowed by context "${dataTypes.join(',')}"`);
        }
      }
      dataTypes = dataTypes.flatMap((t) =>
        types.includes(t) || (t === 'integer' && types.includes('number'))
          ? [t]
          : types.includes('integer') && t === 'number'
            ? ['integer']
            : [],
      );
    }
  }
  for (const [kw, kwTypes] of KEYWORD_TYPES) {
    if (schema[kw] === undefined) continue;
    const applies = kwTypes.some(
      (t) => dataTypes.includes(t) || (t === 'number' && dataTypes.includes('integer')),
    );
    if (!applies) error(`missing type "${kwTypes.join(',')}" for keyword "${kw}"`);
  }
  return dataTypes;
}

function keyword(c: Compilation, schema: SchemaObject, kw: string, at: CompileAt): void {
  KEYWORD_COMPILERS.get(kw)?.({ c, schema, keyword: kw, value: schema[kw], at });
}
