/**
 * Computed values in a step: a form's computed fields over the submitted form data (before it is
 * checked, so a required computed field is filled in), and the definition's computed case fields
 * over the case data (after it changed, before any guard reads it). A submitted value the engine
 * replaced is one audit detail line: `{ computed, submitted, value }`.
 */
import { caseComputed, computeFormValues, computeValues, formComputed } from '../computed';
import type { FormDefinition } from '../definition/definition-types';
import { celVars, record, type StepWork } from './step-context';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Records each submitted value of these fields that differs from what the data now holds. */
function reportReplaced(
  work: StepWork,
  fields: Iterable<string>,
  submitted: Record<string, unknown>,
  data: Record<string, unknown>,
): void {
  for (const field of fields) {
    if (!Object.hasOwn(submitted, field) || same(submitted[field], data[field])) continue;
    record(work, { computed: field, submitted: submitted[field], value: data[field] ?? null });
  }
}

/**
 * The fields of a form the engine computes: its own computed fields and the definition's computed
 * case fields it shows. Whatever is submitted for them is replaced.
 */
export function computedInForm(work: StepWork, form: FormDefinition): Set<string> {
  const properties = isObject(form.schema.properties) ? form.schema.properties : {};
  const onCase = Object.keys(caseComputed(work.compiled.definition)).filter((f) =>
    Object.hasOwn(properties, f),
  );
  return new Set([...Object.keys(formComputed(form)), ...onCase]);
}

/**
 * The form data with its computed fields computed (`data` is the form's fields as the person saw
 * them: stored values, then what they submitted; the caller refused data beyond the size limits
 * already). The form's own fields are computed over the form data, as the web app shows them live;
 * the computed case fields it shows over the case data with the form's in it.
 */
export function withFormComputed(
  work: StepWork,
  form: FormDefinition,
  data: Record<string, unknown>,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  const fields = computedInForm(work, form);
  if (fields.size === 0) return data;
  let next = computeFormValues(form, data, work.opts.now).data;
  const onCase = caseComputed(work.compiled.definition);
  if (Object.keys(onCase).some((f) => fields.has(f))) {
    const { data: _data, ...vars } = celVars(work);
    const whole = computeValues(work.compiled.cel, onCase, { ...work.snap.data, ...next }, vars).data;
    for (const field of Object.keys(onCase).filter((f) => fields.has(f))) {
      const { [field]: _old, ...rest } = next;
      next = field in whole ? { ...rest, [field]: whole[field] } : rest;
    }
  }
  reportReplaced(work, fields, submitted, next);
  return next;
}

/**
 * Recomputes the definition's computed case fields over the case data. With `submitted` (what the
 * command's form carried), a replaced value is reported, except for fields the form computed
 * itself (`reported`), which were reported already.
 */
export function applyCaseComputed(
  work: StepWork,
  submitted?: Record<string, unknown>,
  reported: ReadonlySet<string> = new Set(),
): void {
  const fields = caseComputed(work.compiled.definition);
  if (Object.keys(fields).length === 0) return;
  const { data: _data, ...vars } = celVars(work);
  const result = computeValues(work.compiled.cel, fields, work.snap.data, vars);
  work.snap.data = result.data;
  if (!submitted) return;
  const names = Object.keys(fields).filter((f) => !reported.has(f));
  reportReplaced(work, names, submitted, result.data);
  for (const failure of result.failed) {
    if (failure.reason !== 'missing-field')
      record(work, { computedFailed: failure.field, code: failure.code, reason: failure.reason });
  }
}
