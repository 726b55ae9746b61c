/**
 * Where computed values are declared: a case field in the definition's `computed` map; a form field
 * in its (top-level) UI schema entry, `ui:options.computed`, beside `showIf`. Both are CEL over `data`.
 */
import type { CelSource, FormDefinition, ProcessDefinition } from '../definition/definition-types';

/** Field → the CEL expression that computes it. */
export type ComputedFields = Record<string, CelSource>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A field's computed expression in its UI schema entry, if it declares one (any value). */
export function computedOption(entry: unknown): unknown {
  const options = isObject(entry) ? entry['ui:options'] : undefined;
  return isObject(options) ? options.computed : undefined;
}

const formCache = new WeakMap<object, ComputedFields>();

/** The computed fields of a form: top-level fields whose `ui:options.computed` is CEL text. */
export function formComputed(form: Pick<FormDefinition, 'uiSchema'>): ComputedFields {
  const ui = form.uiSchema;
  if (!isObject(ui)) return {};
  const hit = formCache.get(ui);
  if (hit) return hit;
  const fields: ComputedFields = {};
  for (const [name, entry] of Object.entries(ui)) {
    const source = computedOption(entry);
    if (typeof source === 'string' && source.trim()) fields[name] = source;
  }
  formCache.set(ui, fields);
  return fields;
}

/** The computed case fields of a definition. */
export function caseComputed(definition: Pick<ProcessDefinition, 'computed'>): ComputedFields {
  return isObject(definition.computed) ? (definition.computed as ComputedFields) : {};
}
