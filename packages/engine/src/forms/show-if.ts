import { createCelEnvironment } from '../expressions/cel-environment';
import type { CelEnvironment } from '../expressions/cel-environment-types';
import { parsePointer } from './json-pointer';

/** The parts of a form a show-if needs: its schema and UI schema. */
interface ConditionalForm {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

const environments = new WeakMap<object, CelEnvironment>();

/** The CEL environment of a form's fields, one per schema object (definitions are immutable). */
function environmentOf(schema: Record<string, unknown>): CelEnvironment {
  let env = environments.get(schema);
  if (!env) {
    env = createCelEnvironment({ caseSchema: schema });
    environments.set(schema, env);
  }
  return env;
}

/** A field's show-if: a CEL condition in its UI schema entry, `ui:options.showIf`. */
function showIfOf(entry: unknown): string | undefined {
  const options = (entry as { 'ui:options'?: { showIf?: unknown } } | null)?.['ui:options'];
  return typeof options?.showIf === 'string' && options.showIf.trim() ? options.showIf : undefined;
}

/**
 * The top-level fields whose show-if is false for the given form data (a condition that fails to
 * compile or run counts as false). Such a field is hidden from the person filling the form, so it
 * is neither required nor stored: the web app hides it, and the engine drops its value and its
 * errors, so both sides agree on what was asked.
 */
export function hiddenFields(form: ConditionalForm, data: Record<string, unknown>, now: string): Set<string> {
  const hidden = new Set<string>();
  const ui = form.uiSchema;
  if (!ui) return hidden;
  for (const [field, entry] of Object.entries(ui)) {
    const expr = showIfOf(entry);
    if (expr === undefined) continue;
    let shown = false;
    try {
      shown = environmentOf(form.schema).compile(expr).evaluate({ data, now }) === true;
    } catch {
      shown = false;
    }
    if (!shown) hidden.add(field);
  }
  return hidden;
}

/** The data without the given fields. */
export function withoutFields(
  data: Record<string, unknown>,
  fields: ReadonlySet<string>,
): Record<string, unknown> {
  if (fields.size === 0) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !fields.has(key)));
}

/** True if a field error (a JSON pointer path) is about one of the given top-level fields. */
export function concernsField(path: string, fields: ReadonlySet<string>): boolean {
  const top = parsePointer(path)[0];
  return top !== undefined && fields.has(top);
}
