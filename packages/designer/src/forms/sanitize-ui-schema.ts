import { isSchemaObject, type Locale } from '@flowform/engine/browser';

type Json = Record<string, unknown>;

/** Widgets a form may ask for; anything else falls back to rjsf's default for the type. */
export const ALLOWED_WIDGETS = new Set([
  'text',
  'textarea',
  'select',
  'radio',
  'checkbox',
  'checkboxes',
  'date',
  'updown',
  'hidden',
  'user',
  'unit',
  'attachment',
]);

const ALLOWED_OPTIONS = new Set([
  'unit',
  'kinds',
  'roles',
  'rows',
  'orderable',
  'addable',
  'removable',
  'inline',
  'label',
  // a computed field's CEL: the field template marks the field 自动计算 (the value is never shown)
  'computed',
]);
/** UI keys with Chinese-only text: shown in zh-CN, dropped in English rather than mixing languages. */
const CHINESE_TEXT = new Set(['ui:placeholder', 'ui:help', 'ui:title', 'ui:description']);
const PLAIN = new Set(['ui:readonly', 'ui:disabled', 'ui:emptyValue']);

/**
 * Keeps only harmless UI schema: known widgets and options, field order, placeholders and flags.
 * Dropped: custom fields/templates by name, class names, markdown switches
 * (`ui:enableMarkdownInDescription`), `ui:submitButtonOptions`, and anything unknown.
 */
export function sanitizeUiSchema(ui: unknown, locale: Locale, depth = 0): Json {
  if (!isSchemaObject(ui) || depth > 32) return {};
  const out: Json = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (!key.startsWith('ui:')) {
      if (isSchemaObject(value)) out[key] = sanitizeUiSchema(value, locale, depth + 1);
    } else if (key === 'ui:widget') {
      if (typeof value === 'string' && ALLOWED_WIDGETS.has(value)) out[key] = value;
    } else if (key === 'ui:options') {
      if (isSchemaObject(value))
        out[key] = Object.fromEntries(
          Object.entries(value).filter(([k, v]) => ALLOWED_OPTIONS.has(k) && isPlain(v)),
        );
    } else if (key === 'ui:order') {
      if (Array.isArray(value)) out[key] = value.filter((v) => typeof v === 'string');
    } else if (CHINESE_TEXT.has(key)) {
      if (typeof value === 'string' && locale === 'zh-CN') out[key] = value;
    } else if (PLAIN.has(key) && isPlain(value)) out[key] = value;
  }
  return out;
}

function isPlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  return Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v));
}
