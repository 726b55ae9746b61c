/**
 * Bounds on submitted form data, checked before ajv sees it, so an oversized, deeply nested or
 * prototype-poisoning payload costs one cheap walk and never reaches validation or storage.
 */
import { appendPointer } from './json-pointer';
import { utf8Length } from './utf8-length';

/** Limits on data: approximate UTF-8 JSON size, container nesting, and object keys plus array items. */
export const DATA_LIMITS: Readonly<{ maxBytes: number; maxDepth: number; maxKeys: number }> = Object.freeze({
  maxBytes: 256 * 1024,
  maxDepth: 16,
  maxKeys: 10_000,
});

/** Keys that could reach an object's prototype when data is merged or assigned downstream. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A reason to refuse data before schema validation. */
export type DataIssue =
  | { keyword: 'limit'; path: string; limit: keyof typeof DATA_LIMITS; max: number }
  | { keyword: 'forbiddenKey'; path: string; key: string }
  | { keyword: 'json'; path: string };

interface Frame {
  value: object;
  depth: number;
  path: string;
}

/** Walks the data once (iteratively, so hostile nesting cannot overflow the stack) and lists issues. */
export function checkDataLimits(data: unknown, limits = DATA_LIMITS): DataIssue[] {
  const issues: DataIssue[] = [];
  const tooLarge: DataIssue[] = [{ keyword: 'limit', path: '', limit: 'maxBytes', max: limits.maxBytes }];
  let bytes = scalarBytes(data, limits.maxBytes);
  if (bytes > limits.maxBytes) return tooLarge;
  let keys = 0;
  const stack: Frame[] = [];
  if (!pushContainer(data, '', 1)) return issues;
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > limits.maxDepth) {
      return [{ keyword: 'limit', path: frame.path, limit: 'maxDepth', max: limits.maxDepth }];
    }
    const isArray = Array.isArray(frame.value);
    const entryKeys = isArray ? undefined : Object.keys(frame.value);
    const count = isArray ? (frame.value as unknown[]).length : entryKeys!.length;
    keys += count;
    bytes += 2 + count;
    if (keys > limits.maxKeys) return [{ keyword: 'limit', path: '', limit: 'maxKeys', max: limits.maxKeys }];
    for (let i = 0; i < count; i++) {
      const key = entryKeys ? entryKeys[i]! : i;
      const child = (frame.value as Record<string | number, unknown>)[key];
      if (typeof key === 'string') {
        bytes += scalarBytes(key, limits.maxBytes) + 1;
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({ keyword: 'forbiddenKey', path: appendPointer(frame.path, key), key });
          continue;
        }
      }
      bytes += scalarBytes(child, limits.maxBytes);
      if (bytes > limits.maxBytes) return tooLarge;
      if (
        typeof child === 'object' ||
        typeof child === 'function' ||
        typeof child === 'symbol' ||
        typeof child === 'bigint'
      ) {
        pushContainer(child, appendPointer(frame.path, key), frame.depth + 1);
      }
    }
  }
  return issues;

  function pushContainer(value: unknown, path: string, depth: number): boolean {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
      issues.push({ keyword: 'json', path });
      return false;
    }
    if (typeof value !== 'object' || value === null) return false;
    const proto: unknown = Object.getPrototypeOf(value);
    if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) {
      issues.push({ keyword: 'json', path });
      return false;
    }
    stack.push({ value, depth, path });
    return true;
  }
}

function scalarBytes(value: unknown, maxBytes: number): number {
  switch (typeof value) {
    case 'string':
      // A string longer than the budget is over it whatever its encoding; skip counting it.
      return value.length > maxBytes ? value.length : utf8Length(value) + 2;
    case 'number':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    default:
      return value === null ? 4 : 0;
  }
}
