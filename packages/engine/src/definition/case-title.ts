import type { LocalizedText } from './definition-types';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const MAX_TITLE = 200;
const SEPARATOR = /\s*·\s*/;

/** The case fields a title template names, in order of appearance. */
export function caseTitleFields(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/**
 * A case's title from its definition's template and the case data: each `{{field}}` becomes the
 * field's value (numbers as written, lists joined with 、, a username or unit id as its name when
 * `names` knows it), a missing value becomes empty, and
 * separators left dangling by missing values are dropped. Null when the definition has no template
 * or nothing in it had a value.
 */
export function renderCaseTitle(
  template: LocalizedText | undefined,
  data: Record<string, unknown>,
  names?: NameLookup,
): LocalizedText | null {
  if (!template) return null;
  const zh = renderOne(template['zh-CN'], data, (v) => names?.(v)?.['zh-CN'] ?? v);
  const en = renderOne(template.en, data, (v) => names?.(v)?.en ?? v);
  return zh === null && en === null ? null : { 'zh-CN': zh ?? en!, en: en ?? zh! };
}

/** A person's or unit's name for a value that is their username or id (a directory lookup). */
export type NameLookup = (value: string) => LocalizedText | undefined;

function renderOne(
  template: string,
  data: Record<string, unknown>,
  named: (value: string) => string,
): string | null {
  // A missing value takes its segment (the text between ` · ` separators) with it: ` 元`, `申请 `.
  const parts: string[] = [];
  let filled = 0;
  for (const segment of template.split(SEPARATOR)) {
    let missing = false;
    const text = segment.replace(PLACEHOLDER, (_m, name: string) => {
      const value = show(data[name], named);
      if (value) filled += 1;
      else missing = true;
      return value;
    });
    if (!missing && text.trim()) parts.push(text.trim());
  }
  if (filled === 0) return null;
  const title = parts.join(' · ');
  return title.length > MAX_TITLE ? `${title.slice(0, MAX_TITLE - 1)}…` : title;
}

function show(value: unknown, named: (value: string) => string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return named(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => show(v, named))
      .filter(Boolean)
      .join('、');
  return '';
}
