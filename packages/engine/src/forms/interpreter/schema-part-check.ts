/**
 * Checks data against a part of a form schema, its refs resolved against the whole form: what a
 * form renderer asks to pick a `oneOf` option or follow an `if`. Lenient (no strict mode), since a
 * part taken out of its schema need not stand on its own; the form itself is checked strictly.
 */
import type { DataCheck, SchemaError } from '../schema-checker';
import { FORM_SETTINGS, interpretSchema } from './schema-interpreter';

const prepared = new WeakMap<object, WeakMap<object, DataCheck>>();

/** The errors of `data` against `part` of `root`; throws when the part does not compile. */
export function schemaPartErrors(
  part: Record<string, unknown>,
  data: unknown,
  root: Record<string, unknown> = part,
): readonly SchemaError[] {
  let byRoot = prepared.get(part);
  if (!byRoot) {
    byRoot = new WeakMap();
    prepared.set(part, byRoot);
  }
  let check = byRoot.get(root);
  if (!check) {
    check = interpretSchema(part, FORM_SETTINGS, false, root);
    byRoot.set(root, check);
  }
  return check(data);
}
