/** ['a/b', '0'] → `/a~1b/0`. */
export function joinPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

export const isIndex = (segment: string) => /^\d+$/.test(segment);

export const isSchemaObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);
