const hasControl = (value: string) =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** A path inside this app: starts with one slash (not `//host`, not `/\host`), no control characters. */
export function isInternalPath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && !hasControl(value);
}

/**
 * An href that is safe to render: internal paths, http(s) and mailto only. `javascript:`,
 * `data:`, `vbscript:` and anything unparsable become undefined (rendered as plain text).
 */
export function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (hasControl(trimmed)) return undefined;
  if (isInternalPath(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
