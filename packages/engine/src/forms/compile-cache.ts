/**
 * Remembers compiled schemas so validating the same form again costs a WeakMap lookup: first by
 * object identity, then by JSON content (for an equal schema parsed anew, e.g. from the database).
 * Failures are remembered too, so a bad schema is not re-analysed on every submission.
 * Schemas are treated as immutable once compiled; definitions are pinned versions.
 */

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Content-keyed entries kept (least recently used evicted first); identity entries live as long as their schema. */
const MAX_CONTENT_ENTRIES = 256;

/** Content keys longer than this are not kept (such schemas are refused as too large anyway). */
const MAX_CONTENT_KEY_LENGTH = 256 * 1024;

/** A cache from schema to compiled result. */
export interface CompileCache<T> {
  /** The cached result for this schema, building (and caching) it on a miss; rethrows a cached failure. */
  get(schema: Record<string, unknown>, build: () => T): T;
}

/** An empty cache. */
export function createCompileCache<T>(maxContentEntries = MAX_CONTENT_ENTRIES): CompileCache<T> {
  const byObject = new WeakMap<object, Outcome<T>>();
  const byContent = new Map<string, Outcome<T>>();

  const lookup = (schema: Record<string, unknown>, build: () => T): Outcome<T> => {
    const key = contentKey(schema);
    const cached = key === undefined ? undefined : byContent.get(key);
    if (key !== undefined && cached) {
      byContent.delete(key);
      byContent.set(key, cached);
      return cached;
    }
    const outcome = attempt(build);
    if (key !== undefined) {
      byContent.set(key, outcome);
      if (byContent.size > maxContentEntries) byContent.delete(byContent.keys().next().value!);
    }
    return outcome;
  };

  return {
    get(schema, build) {
      // Not an object (`true`, `null`, `42`: callers outside TypeScript): no key to cache it by;
      // the build refuses it (schema-safety) with a FormSchemaError, never a TypeError from here.
      if (typeof schema !== 'object' || schema === null) return build();
      let outcome = byObject.get(schema);
      if (!outcome) {
        outcome = lookup(schema, build);
        byObject.set(schema, outcome);
      }
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    },
  };
}

function attempt<T>(build: () => T): Outcome<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    return { ok: false, error };
  }
}

function contentKey(schema: Record<string, unknown>): string | undefined {
  try {
    const key = JSON.stringify(schema);
    return key.length <= MAX_CONTENT_KEY_LENGTH ? key : undefined;
  } catch {
    return undefined;
  }
}
