import type { FieldPermission, FormDefinition, UserTaskDef } from '@flowform/engine';

/** Case data without the fields a task hides. */
export function withoutHidden(
  data: Record<string, unknown>,
  permissions: Record<string, FieldPermission> | undefined,
): Record<string, unknown> {
  if (!permissions) return { ...data };
  return Object.fromEntries(Object.entries(data).filter(([k]) => permissions[k] !== 'hidden'));
}

/** The union of the hidden fields of several tasks: a field hidden in any of them stays hidden. */
export function mergeHidden(defs: UserTaskDef[]): Record<string, FieldPermission> {
  const merged: Record<string, FieldPermission> = {};
  for (const def of defs) {
    for (const [field, p] of Object.entries(def.fieldPermissions ?? {}))
      if (p === 'hidden') merged[field] = p;
  }
  return merged;
}

/** A form as a task shows it: hidden fields removed, read-only fields marked `readOnly`. */
export function formForTask(
  form: FormDefinition,
  permissions: Record<string, FieldPermission> | undefined,
): { schema: Record<string, unknown>; uiSchema: Record<string, unknown> } {
  const schema = structuredClone(form.schema);
  const uiSchema = structuredClone(form.uiSchema ?? {});
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [field, p] of Object.entries(permissions ?? {})) {
    if (!(field in properties)) continue;
    if (p === 'hidden') {
      delete properties[field];
      delete uiSchema[field];
      if (Array.isArray(schema.required)) schema.required = schema.required.filter((r) => r !== field);
    } else if (p === 'readOnly') properties[field] = { ...properties[field], readOnly: true };
  }
  return { schema, uiSchema };
}
