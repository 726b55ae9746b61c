/**
 * JSON pointers (RFC 6901), the one spelling for the engine and the web app: `pointer` writes
 * segments (escaping `~` and `/`), `parsePointer` reads them back.
 */

/** Escapes one segment, so keys containing `/` or `~` stay unambiguous. */
export function escapePointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The pointer to `segments` (`['items', 0, 'a/b']` → `/items/0/a~1b`); no segments is the root, ``. */
export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(String(s))}`).join('');
}

/** The unescaped segments of a pointer; `''` is the root and yields none. */
export function parsePointer(text: string): string[] {
  if (text === '') return [];
  return text
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Appends one segment to a pointer. */
export function appendPointer(base: string, segment: string | number): string {
  return `${base}${pointer([segment])}`;
}
