/** A definition bundle as a JSON file: export by download, import with its shape checked. */
import type { DesignDoc } from '../model/design-doc';
import { docText } from '../model/design-doc';

export function exportBundle(doc: DesignDoc): void {
  const blob = new Blob([`${docText(doc)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${doc.definition.key}.bundle.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Parses a bundle file; refuses anything that is not `{definition: {key,…}, forms: {…}}`. */
export function parseBundle(text: string): DesignDoc {
  const json = JSON.parse(text) as unknown;
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('not a JSON object');
  const { definition, forms } = json as Record<string, unknown>;
  if (
    !definition ||
    typeof definition !== 'object' ||
    typeof (definition as { key?: unknown }).key !== 'string'
  )
    throw new Error('no definition with a key');
  if (forms !== undefined && (typeof forms !== 'object' || forms === null || Array.isArray(forms)))
    throw new Error('forms must be an object');
  return { definition: definition as DesignDoc['definition'], forms: (forms ?? {}) as DesignDoc['forms'] };
}
