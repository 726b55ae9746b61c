import type { FieldPermission, FormDefinition, UserTaskDef } from '@flowform/engine';
import type { StepRecord } from '@flowform/runtime';

/** Opinion and comment fields, by name or by their Chinese or English title. */
const OPINION_KEY = /opinion|comment|remark/i;
const OPINION_TITLE = /意见|评语|批示|opinion|comment/i;

/** Whether a form field holds a person's own opinion (意见): never someone else's to pre-fill. */
export function isOpinionField(form: FormDefinition, field: string): boolean {
  if (OPINION_KEY.test(field)) return true;
  const property = (form.schema.properties as Record<string, { title?: unknown }> | undefined)?.[field];
  const english = form.labels?.[`/${field}`]?.en;
  return [property?.title, english].some((t) => typeof t === 'string' && OPINION_TITLE.test(t));
}

/**
 * The values a task's form starts from. A field an earlier submission wrote starts from that value
 * only when it was this person's own, or when the task declares the field shared (then it edits a
 * copy; the earlier submission stays in its record) and it is not an opinion field: the leader's
 * 审批意见 box never comes pre-filled with the branch secretary's opinion. Read-only and hidden
 * fields are shown as they stand (nothing is written to them).
 */
export function prefilledData(
  data: Record<string, unknown>,
  form: FormDefinition | undefined,
  task: UserTaskDef,
  records: readonly StepRecord[],
  username: string,
): Record<string, unknown> {
  if (!form) return data;
  const permissions: Record<string, FieldPermission> = task.fieldPermissions ?? {};
  const shared = new Set(task.sharedFields ?? []);
  const out = { ...data };
  for (const field of Object.keys((form.schema.properties as object | undefined) ?? {})) {
    if (!(field in out) || permissions[field] === 'readOnly' || permissions[field] === 'hidden') continue;
    const last = records.findLast((r) => Object.hasOwn(r.data, field));
    if (!last || last.actor === username) continue;
    if (isOpinionField(form, field) || !shared.has(field)) delete out[field];
  }
  return out;
}
