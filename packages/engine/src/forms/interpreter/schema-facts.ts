/** Facts about a schema that ajv's code generation decides by (always valid, ref-only, has refs). */
import { escapePointerSegment } from '../json-pointer';
import type { SchemaObject, Vocabulary } from './keyword-table';

/** `true`, `{}` or a schema with only annotations: nothing to check. */
export function isAlwaysValid(schema: unknown, vocab: Vocabulary): boolean {
  if (typeof schema === 'boolean') return schema;
  return !hasRules(schema as SchemaObject, vocab);
}

/** Whether any keyword of the schema acts. */
export function hasRules(schema: SchemaObject, vocab: Vocabulary): boolean {
  for (const key in schema) if (vocab.rules.has(key)) return true;
  return false;
}

/** Whether the schema has acting keywords besides `$ref` (ajv then checks them alongside it). */
export function hasRulesButRef(schema: SchemaObject, vocab: Vocabulary): boolean {
  for (const key in schema) if (key !== '$ref' && vocab.rules.has(key)) return true;
  return false;
}

const REF_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref',
  '$recursiveRef',
  '$recursiveAnchor',
  '$dynamicRef',
  '$dynamicAnchor',
]);

/** Whether a reference keyword appears anywhere inside (ajv inlines a `$ref` target only without). */
export function containsRef(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null) return false;
  for (const key in schema) {
    if (REF_KEYWORDS.has(key)) return true;
    const sub = (schema as Record<string, unknown>)[key];
    if (Array.isArray(sub) && sub.some(containsRef)) return true;
    if (typeof sub === 'object' && containsRef(sub)) return true;
  }
  return false;
}

/** The keys of a schema map (`properties`, `patternProperties`), without `__proto__` as ajv does. */
export function schemaKeys(map: unknown): string[] {
  return typeof map === 'object' && map !== null ? Object.keys(map).filter((p) => p !== '__proto__') : [];
}

/** A schema-path segment as ajv writes it (JSON-pointer escaped, then URI encoded). */
export function fragment(segment: string | number): string {
  return typeof segment === 'number' ? String(segment) : encodeURIComponent(escapePointerSegment(segment));
}
