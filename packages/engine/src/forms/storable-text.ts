/**
 * Text PostgreSQL cannot store: U+0000 (refused in `text` and in `jsonb`) and UTF-16 surrogates
 * without their partner (refused in JSON, silently replaced by U+FFFD in `text`). One check for
 * every caller: the server's edge, and the runtime before a command reaches a shared write.
 */
import { appendPointer } from './json-pointer';

/** Why a string cannot be stored. */
export type UnstorableReason = 'nul' | 'lone-surrogate';

/** Where the first unstorable string is (a JSON pointer below the base path), and why. */
export interface UnstorableText {
  path: string;
  reason: UnstorableReason;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NUL = String.fromCharCode(0);
/** Every character that makes a key unstorable, replaced in the reported path (which is shown and logged). */
const UNSTORABLE_CHARACTERS = new RegExp(`${NUL}|${LONE_SURROGATE.source}`, 'g');

/** Why `text` cannot be stored, or undefined if it can. */
export function unstorableReason(text: string): UnstorableReason | undefined {
  if (text.includes(NUL)) return 'nul';
  return LONE_SURROGATE.test(text) ? 'lone-surrogate' : undefined;
}

/**
 * The first string (value or object key, in document order) PostgreSQL cannot store, with its JSON
 * pointer appended to `basePath` (`findUnstorableText(command, '')` → `{ path: '/data/details' }`).
 * Walks iteratively, so hostile nesting cannot overflow the stack; a shared or cyclic object is
 * visited once. A key's own bad characters show as U+FFFD in the path.
 */
export function findUnstorableText(value: unknown, basePath = ''): UnstorableText | undefined {
  if (!mayHoldUnstorable(value)) return undefined;
  const stack: Entry[] = [{ value, path: basePath }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (entry.badKey) return { path: entry.path, reason: entry.badKey };
    if (typeof entry.value === 'string') {
      const reason = unstorableReason(entry.value);
      if (reason) return { path: entry.path, reason };
      continue;
    }
    if (typeof entry.value !== 'object' || entry.value === null || seen.has(entry.value)) continue;
    seen.add(entry.value);
    const children: Entry[] = Array.isArray(entry.value)
      ? entry.value.map((child, i) => ({ value: child, path: appendPointer(entry.path, i) }))
      : Object.entries(entry.value).map(([key, child]) => keyEntry(entry.path, key, child));
    // Reversed onto the stack, so the first child is looked at first.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return undefined;
}

/** U+0000 and unpaired surrogates as JSON.stringify writes them (paired ones it writes as they are). */
const ESCAPED_UNSTORABLE = /\\u0000|\\ud[89a-f]/;

/**
 * The fast answer for the common case: one native JSON.stringify, searched once, clears a value of
 * ordinary text in a few microseconds; only a hit (or a value JSON cannot write) is walked for its path.
 */
function mayHoldUnstorable(value: unknown): boolean {
  try {
    const json = JSON.stringify(value);
    return json === undefined || ESCAPED_UNSTORABLE.test(json);
  } catch {
    return true;
  }
}

interface Entry {
  value: unknown;
  path: string;
  /** Set when the key itself cannot be stored. */
  badKey?: UnstorableReason;
}

function keyEntry(base: string, key: string, value: unknown): Entry {
  const badKey = unstorableReason(key);
  if (!badKey) return { value, path: appendPointer(base, key) };
  return { value, path: appendPointer(base, key.replace(UNSTORABLE_CHARACTERS, '\ufffd')), badKey };
}
