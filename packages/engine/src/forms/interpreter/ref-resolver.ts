/**
 * Resolves a schema's local references (`#`, `#/json/pointer`, `#anchor`) as ajv does: a chain of
 * bare `$ref`s is followed to its end; a target without references inside is inlined, any other
 * is "called" (its errors' schema paths start again at `#`).
 */
import { isSchemaObject } from '../schema-walk';
import type { RefTarget } from './interpreter-context';
import type { SchemaObject, Vocabulary } from './keyword-table';
import { containsRef, hasRulesButRef } from './schema-facts';

/** Resolves refs of one root schema, remembering each; throws ajv's error for a missing target. */
export function createRefResolver(
  root: SchemaObject | boolean,
  vocab: Vocabulary,
): (ref: string) => RefTarget {
  const resolved = new Map<string, RefTarget>();
  const baseId = isSchemaObject(root) && typeof root.$id === 'string' ? root.$id.replace(/#$/, '') : '';
  const missing = (ref: string) => new Error(`can't resolve reference ${ref} from id ${baseId || '#'}`);

  const target = (ref: string, seen: Set<string>): unknown => {
    if (!ref.startsWith('#') || seen.has(ref)) return undefined;
    seen.add(ref);
    const found = ref.startsWith('#/') ? pointerTarget(root, ref.slice(2)) : anchorTarget(root, ref.slice(1));
    if (isSchemaObject(found) && typeof found.$ref === 'string' && !hasRulesButRef(found, vocab)) {
      return found.$ref === '#' || found.$ref === '#/' ? found : (target(found.$ref, seen) ?? found);
    }
    return found;
  };

  return (ref) => {
    let result = resolved.get(ref);
    if (result) return result;
    if (ref === '#' || ref === '#/') result = { schema: root, inline: false };
    else {
      const schema = target(ref, new Set());
      if (schema === undefined || schema === root) throw missing(ref);
      if (typeof schema !== 'boolean' && !isSchemaObject(schema)) throw missing(ref);
      result = { schema, inline: !containsRef(schema) };
    }
    resolved.set(ref, result);
    return result;
  };
}

/** The value at a URI-fragment JSON pointer (`$defs/a%20b/x`), or undefined. */
function pointerTarget(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/')) {
    if (typeof node === 'boolean' || node === null || typeof node !== 'object') return undefined;
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown>)[key];
    if (node === undefined) return undefined;
  }
  return node;
}

/** The first subschema declaring `$anchor` (or `$dynamicAnchor`) `name`. */
function anchorTarget(root: unknown, name: string): unknown {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    if (
      !Array.isArray(node) &&
      ((node as SchemaObject).$anchor === name || (node as SchemaObject).$dynamicAnchor === name)
    ) {
      return node;
    }
    stack.push(...Object.values(node).reverse());
  }
  return undefined;
}
