import { JSON_LIMITS } from '@flowform/api';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Why a body was refused. */
export class UnsafeJsonError extends Error {}

/**
 * Parses a JSON request body, refusing nesting deeper than the cap (checked on the text, before
 * parsing, so a deep body costs no recursion) and keys that could pollute prototypes downstream.
 */
export function parseSafeJson(text: string, maxDepth = JSON_LIMITS.maxDepth): unknown {
  checkJsonDepth(text, maxDepth);
  let value: unknown;
  try {
    value = JSON.parse(text, (key, v) => {
      if (FORBIDDEN_KEYS.has(key)) throw new UnsafeJsonError(`Forbidden key '${key}'`);
      return v;
    });
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw error;
    throw new UnsafeJsonError(`Malformed JSON: ${(error as Error).message}`);
  }
  return value;
}

/** True when a name could reach an object's prototype if used as a key. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key);
}

/** Refuses JSON text nested deeper than the cap, scanning the text (no parsing, no recursion). */
export function checkJsonDepth(text: string, maxDepth = JSON_LIMITS.maxDepth): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++;
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      if (++depth > maxDepth) throw new UnsafeJsonError(`JSON nested deeper than ${maxDepth}`);
    } else if (ch === 125 || ch === 93) depth--;
  }
}
