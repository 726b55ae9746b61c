/**
 * Visits every subschema of a JSON Schema (2020-12 vocabulary) with its JSON pointer and depth,
 * without wandering into data-valued keywords such as `const`, `enum` or `default`.
 */
import { appendPointer } from './json-pointer';

const SCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SCHEMA_VALUES = [
  'additionalProperties',
  'items',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
];
const SCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];

/** One object subschema, where it sits in the root schema, and how deep (the root is depth 1). */
export interface SubschemaVisit {
  schema: Record<string, unknown>;
  path: string;
  depth: number;
}

/** Whether a keyword's value holds subschemas (as opposed to data or plain settings). */
export function isSubschemaKeyword(keyword: string): boolean {
  return SCHEMA_MAPS.includes(keyword) || SCHEMA_VALUES.includes(keyword) || SCHEMA_LISTS.includes(keyword);
}

/** Calls `visit` for each object subschema, depth first; returning `false` skips its children. */
export function walkSchema(root: unknown, visit: (node: SubschemaVisit) => unknown): void {
  const stack: SubschemaVisit[] = [];
  if (isSchemaObject(root)) stack.push({ schema: root, path: '', depth: 1 });
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children: SubschemaVisit[] = [];
    const add = (value: unknown, path: string) => {
      if (isSchemaObject(value)) children.push({ schema: value, path, depth: node.depth + 1 });
    };
    for (const [keyword, value] of Object.entries(node.schema)) {
      const path = appendPointer(node.path, keyword);
      if (SCHEMA_MAPS.includes(keyword) && isSchemaObject(value)) {
        for (const [name, sub] of Object.entries(value)) add(sub, appendPointer(path, name));
      }
      if (SCHEMA_VALUES.includes(keyword)) add(value, path);
      if (SCHEMA_LISTS.includes(keyword) && Array.isArray(value)) {
        for (const [i, sub] of value.entries()) add(sub, appendPointer(path, i));
      }
    }
    stack.push(...children.reverse());
  }
}

/** A schema that is an object (boolean schemas have nothing to visit). */
export function isSchemaObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
