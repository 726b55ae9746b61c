import type { FieldPermission, FormDefinition, UserTaskDef } from '@flowform/engine';

/** A task's field permissions with the fields the viewer may not see (`CaseView.hiddenInTask`) hidden too. */
export function permissionsFor(
  def: UserTaskDef,
  hidden: ReadonlySet<string>,
): Record<string, FieldPermission> {
  const permissions: Record<string, FieldPermission> = { ...def.fieldPermissions };
  for (const field of hidden) permissions[field] = 'hidden';
  return permissions;
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
