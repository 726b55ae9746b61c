/**
 * Lint of a form's directory references: `x-roles` and `x-unitKinds` only beside the format they
 * narrow, unit kinds among the organisation's kinds, roles known (the customer's roles or, with a
 * directory, one somebody holds), so a field cannot be declared that no value could ever pass.
 */
import type { Directory } from '../assignment/directory';
import { KNOWN_ROLES, UNIT_KINDS } from '../assignment/directory-seed';
import type { FormDefinition } from '../definition/definition-types';
import { walkSchema } from '../forms/schema-walk';
import type { ProblemList } from './lint-types';

const HINT_KINDS = `Use unit kinds among ${UNIT_KINDS.join(', ')}`;

/** Checks each reference field of `form` (key `key`), reporting at `/forms/<key>/schema/...`. */
export function checkReferenceFormats(
  key: string,
  form: FormDefinition,
  directory: Directory | undefined,
  problems: ProblemList,
): void {
  const held = new Set<string>([...KNOWN_ROLES, ...(directory?.roleNames?.() ?? [])]);
  walkSchema(form.schema, ({ schema, path }) => {
    const at = `/forms/${key}/schema${path}`;
    const roles = schema['x-roles'];
    const kinds = schema['x-unitKinds'];
    if (roles !== undefined && schema.format !== 'flowform-user') {
      problems.error(
        'form-reference-misplaced',
        `${at}/x-roles`,
        `Form '${key}': x-roles narrows a person field, but this field is not "format": "flowform-user"`,
        'Add "format": "flowform-user" to the field, or remove x-roles',
      );
    }
    if (kinds !== undefined && schema.format !== 'flowform-unit') {
      problems.error(
        'form-reference-misplaced',
        `${at}/x-unitKinds`,
        `Form '${key}': x-unitKinds narrows a unit field, but this field is not "format": "flowform-unit"`,
        'Add "format": "flowform-unit" to the field, or remove x-unitKinds',
      );
    }
    for (const [i, kind] of (Array.isArray(kinds) ? kinds : []).entries()) {
      if (!(UNIT_KINDS as readonly unknown[]).includes(kind)) {
        problems.error(
          'form-reference-unknown-kind',
          `${at}/x-unitKinds/${i}`,
          `Form '${key}': unit kind ${JSON.stringify(kind)} does not exist, so no unit could be chosen`,
          HINT_KINDS,
        );
      }
    }
    for (const [i, role] of (Array.isArray(roles) ? roles : []).entries()) {
      if (typeof role === 'string' && !held.has(role)) {
        problems.error(
          'form-reference-unknown-role',
          `${at}/x-roles/${i}`,
          `Form '${key}': role '${role}' is neither a known role nor held by anyone in the directory, so no person could be chosen`,
          `Use a role of the directory: ${[...held].sort().join(', ')}`,
        );
      }
    }
  });
}
