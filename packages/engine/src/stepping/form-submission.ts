import type { UserTaskDef } from '../definition/definition-types';
import { createFormValidator, type FieldError, type FormValidator } from '../forms';
import type { StepWork } from './step-context';
import { StepError } from './step-error';

let defaultValidator: FormValidator | undefined;

/** The validator a step uses: the caller's (shared cache), else one per process. */
export function formValidator(work: StepWork): FormValidator {
  if (work.opts.forms) return work.opts.forms;
  defaultValidator ??= createFormValidator();
  return defaultValidator;
}

/** Checks a task's submitted data (read-only fields refused) and merges it into the case. */
export function applyForm(work: StepWork, def: UserTaskDef, submitted: Record<string, unknown>): void {
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
    return;
  }
  const properties = Object.keys((form.schema.properties as Record<string, unknown> | undefined) ?? {});
  const current = Object.fromEntries(
    properties.filter((p) => p in work.snap.data).map((p) => [p, work.snap.data[p]]),
  );
  const result = formValidator(work).validate(form, { ...current, ...submitted }, work.opts.locale);
  if (!result.ok) throw invalidForm(result.errors);
  work.snap.data = { ...work.snap.data, ...submitted };
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
