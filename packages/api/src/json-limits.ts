/**
 * The limits on JSON Flowform reads from outside: API request bodies (the server's body-size and
 * JSON guards) and the definition files and bundles the CLI lints and imports. One place, so a
 * file the CLI accepts is one the API would accept too.
 */
export const JSON_LIMITS: Readonly<{ maxBytes: number; maxDepth: number }> = Object.freeze({
  /** UTF-8 bytes of the JSON text. */
  maxBytes: 1024 * 1024,
  /** Nesting of objects and arrays. */
  maxDepth: 32,
});
