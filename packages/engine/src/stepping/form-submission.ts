import type { FormDefinition, UserTaskDef } from '../definition/definition-types';
import {
  brokenFieldRules,
  checkReferences,
  concernsField,
  createInterpretingChecker,
  type FieldError,
  type FormValidator,
  formValidatorWith,
  hiddenFields,
  withoutFields,
} from '../forms';
import { checkDataLimits } from '../forms/data-limits';
import { computedInForm, withFormComputed } from './computed-step';
import type { StepWork } from './step-context';
import { StepError } from './step-error';

let defaultValidator: FormValidator | undefined;

/**
 * The validator a step uses: the caller's (the server passes its ajv one), else one per process
 * over the interpreter — pure like the rest of the core, and giving the same errors.
 */
export function formValidator(work: StepWork): FormValidator {
  if (work.opts.forms) return work.opts.forms;
  defaultValidator ??= formValidatorWith(createInterpretingChecker());
  return defaultValidator;
}

/** Who answered, how and when: the envelope of an entry in a task's `responses` field. */
export interface ResponseMeta {
  outcome: string;
  comment?: string;
  /** The multi-instance element the answer is about (the cadre scored). */
  item?: unknown;
}

/**
 * Checks a task's submitted data (read-only fields refused), then merges it into the case — or, for
 * a task with `responses`, appends it as one entry to that case field.
 */
export function applyForm(
  work: StepWork,
  def: UserTaskDef,
  submitted: Record<string, unknown>,
  meta: ResponseMeta,
): void {
  const permissions = def.fieldPermissions ?? {};
  const locked = Object.keys(submitted).filter(
    (k) => permissions[k] === 'readOnly' || permissions[k] === 'hidden',
  );
  if (locked.length > 0) {
    throw invalidForm(
      locked.map((k) => ({ path: `/${k}`, keyword: 'readOnly', message: readOnlyMessage(work, k) })),
    );
  }
  const form = def.form ? work.compiled.forms[def.form] : undefined;
  if (!form) {
    if (Object.keys(submitted).length > 0)
      throw invalidForm([{ path: '', keyword: 'additionalProperties', message: 'no form' }]);
    if (def.responses) collectResponse(work, def.responses, {}, meta);
    return;
  }
  const properties = Object.keys((form.schema.properties as Record<string, unknown> | undefined) ?? {});
  const current = Object.fromEntries(
    properties.filter((p) => p in work.snap.data).map((p) => [p, work.snap.data[p]]),
  );
  // Computed fields are computed over what the person saw, whatever was submitted for them.
  const merged = computedForm(work, form, { ...current, ...submitted }, submitted);
  const computed = computedInForm(work, form);
  const entered = { ...withoutFields(submitted, computed), ...pickFields(merged, computed) };
  // Fields whose show-if is false were not shown: their values are dropped, and they are not required.
  const hidden = hiddenByShowIf(work, form, merged);
  const kept = withoutFields(entered, hidden);
  checkShownFields(work, form, withoutFields(merged, hidden), hidden);
  checkShownReferences(work, form, kept);
  if (def.responses) collectResponse(work, def.responses, kept, meta);
  // A computed field that could not be computed (or is hidden) keeps no stale value.
  else work.snap.data = { ...withoutFields(work.snap.data, computed), ...kept };
}

/**
 * The fields hidden by their show-if for this data. A show-if never runs over data beyond the size
 * and depth limits: such data is refused first, with the validator's own errors.
 */
export function hiddenByShowIf(
  work: StepWork,
  form: FormDefinition,
  data: Record<string, unknown>,
): Set<string> {
  refuseOversized(work, form, data);
  return hiddenFields(form, data, work.opts.now);
}

/** The form data with its computed fields computed; like a show-if, never over oversized data. */
export function computedForm(
  work: StepWork,
  form: FormDefinition,
  data: Record<string, unknown>,
  submitted: Record<string, unknown>,
): Record<string, unknown> {
  if (computedInForm(work, form).size === 0) return data;
  refuseOversized(work, form, data);
  return withFormComputed(work, form, data, submitted);
}

function refuseOversized(work: StepWork, form: FormDefinition, data: Record<string, unknown>): void {
  if (checkDataLimits(data).length > 0) checkShownFields(work, form, data, new Set());
}

function pickFields(data: Record<string, unknown>, fields: ReadonlySet<string>): Record<string, unknown> {
  return Object.fromEntries([...fields].filter((f) => f in data).map((f) => [f, data[f]]));
}

/** Validates form data, leaving out errors about fields hidden by their show-if. */
export function checkShownFields(
  work: StepWork,
  form: FormDefinition,
  data: Record<string, unknown>,
  hidden: ReadonlySet<string>,
): void {
  const result = formValidator(work).validate(form, data, work.opts.locale);
  const errors = result.ok ? [] : result.errors.filter((e) => !concernsField(e.path, hidden));
  if (errors.length > 0) throw invalidForm(errors);
  // Rules JSON Schema cannot say (weights adding up to 100), on data the schema accepted.
  const broken = brokenFieldRules(form, data, work.opts.now, work.opts.locale, hidden);
  if (broken.length > 0) throw invalidForm(broken);
}

/**
 * Checks the people and units the submitted data names against the directory (after the schema:
 * the values have the right shape). Only what was submitted: a stored value whose owner has left
 * since does not block a later task; and not in a replay (see `StepOptions.replay`).
 */
export function checkShownReferences(
  work: StepWork,
  form: FormDefinition,
  submitted: Record<string, unknown>,
): void {
  if (work.opts.replay) return;
  const errors = checkReferences(form.schema, submitted, work.opts.directory, form.labels, work.opts.locale);
  if (errors.length > 0) throw invalidReference(errors);
}

/** The `invalid-reference` error: each unknown or ineligible person or unit with its path. */
export function invalidReference(errors: FieldError[]): StepError {
  return new StepError('invalid-reference', errors.map((e) => `${e.path}: ${e.message}`).join('; '), {
    errors,
  });
}

/** Appends one answer to a `responses` field (also for outcomes that skip the form, such as a dispute). */
export function collectResponse(
  work: StepWork,
  field: string,
  submitted: Record<string, unknown>,
  meta: ResponseMeta,
): void {
  const list = Array.isArray(work.snap.data[field]) ? (work.snap.data[field] as unknown[]) : [];
  const entry = {
    ...submitted,
    ...(meta.item === undefined ? {} : { item: meta.item }),
    by: work.opts.actor.username,
    outcome: meta.outcome,
    at: work.opts.now,
    ...(meta.comment ? { comment: meta.comment } : {}),
  };
  work.snap.data = { ...work.snap.data, [field]: [...list, entry] };
}

/** The `invalid-form` error carrying field errors for the caller to show beside each field. */
export function invalidForm(errors: FieldError[]): StepError {
  return new StepError('invalid-form', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

function readOnlyMessage(work: StepWork, field: string): string {
  return work.opts.locale === 'en'
    ? `Field '${field}' is read-only in this task`
    : `字段「${field}」在此环节不可修改`;
}
