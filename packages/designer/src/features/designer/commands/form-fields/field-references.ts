/**
 * Where the process refers to a form field: CEL and show-if text, `{{field}}` in the case title, a
 * task's field permissions, keys naming a case field (`fieldVisibility`, `computed`, `field`,
 * `unitField`, `responses`, `sharedFields`, `keyFields`, a unique value's `path`) and other forms
 * with a field of that id. A field kept only in response sheets (a multi-instance form's `score`)
 * is read as a member (`s.score`), so any such member access counts. A rename is refused while any
 * remain, so it never leaves a dangling reference.
 */
import type { DesignDoc } from '../../model/design-doc';
import { segmentsOf } from '../../model/form-paths';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** JSON pointers of every place that names the field `pointer` of `form`. */
export function fieldReferences(doc: DesignDoc, form: string, pointer: string): string[] {
  const segs = segmentsOf(pointer);
  const dotted = new RegExp(`\\bdata\\.${segs.map(escapeRegExp).join('\\.')}\\b`);
  const top = segs.length === 1 ? escapeRegExp(segs[0]!) : undefined;
  const caseFields = (doc.definition.caseSchema.properties ?? {}) as Record<string, unknown>;
  const inSheets = top !== undefined && caseFields[segs[0]!] === undefined;
  const member = top && inSheets ? new RegExp(`\\.${top}\\b`) : undefined;
  const placeholder = top ? new RegExp(`\\{\\{\\s*${top}\\s*\\}\\}`) : undefined;
  const uniquePath = top ? new RegExp(`^/${top}(/|$)`) : undefined;
  const found: string[] = [];
  const walk = (value: unknown, path: string, skip: (path: string) => boolean) => {
    if (skip(path)) return;
    if (typeof value === 'string') {
      // Keys whose value names a case field: assignCel `field`, a `field` rule, `unitField`, `responses`.
      const named =
        segs.length === 1 &&
        value === segs[0] &&
        /\/(responses|field|unitField|sharedFields\/\d+|keyFields\/\d+)$/.test(path);
      const unique = uniquePath?.test(value) && /\/uniqueValues\/\d+\/path$/.test(path);
      if (named || unique || dotted.test(value) || placeholder?.test(value) || member?.test(value))
        found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        walk(v, `${path}/${i}`, skip);
      });
    } else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (
          segs.length === 1 &&
          key === segs[0] &&
          /\/(fieldPermissions|fieldVisibility|computed)$/.test(path)
        )
          found.push(`${path}/${key}`);
        walk(v, `${path}/${key}`, skip);
      }
  };
  const ownCaseField = `/definition/caseSchema/properties/${segs[0]}`;
  walk(doc.definition, '/definition', (p) => p === ownCaseField);
  for (const [key, other] of Object.entries(doc.forms)) {
    walk(
      other.uiSchema ?? {},
      `/forms/${key}/uiSchema`,
      (p) => key === form && p === `/forms/${key}/uiSchema${pointer}`,
    );
    if (
      key !== form &&
      segs.length === 1 &&
      ((other.schema.properties ?? {}) as Record<string, unknown>)[segs[0]!] !== undefined
    )
      found.push(`/forms/${key}/schema/properties/${segs[0]}`);
  }
  return found;
}
