/**
 * Directory references in form data: a field of format `flowform-user` names an active person
 * (holding one of `x-roles` when given), a field of format `flowform-unit` names a unit (of one of
 * `x-unitKinds` when given). The schema checks only their shape; this checks them against the
 * directory the step was given, so a wrong name is refused at submit with the field's path rather
 * than failing later where the process reads it.
 */
import type { Directory } from '../assignment/directory';
import { roleLabel, UNIT_KIND_LABELS } from '../assignment/role-labels';
import type { FieldError, Locale } from './form-types';
import { fieldLabel, type LabelContext } from './field-labels';
import { appendPointer, parsePointer } from './json-pointer';
import { isReferenceFormat, type ReferenceFormat } from './known-formats';
import { isSchemaObject } from './schema-walk';

/** Why a reference is refused: nobody or no unit by that id, a disabled account, or not eligible. */
type Refusal = 'unknown' | 'disabled' | 'role' | 'kind';

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * Every reference in `data` that the directory does not know or the field does not allow, as field
 * errors worded in `locale`; `data` is assumed to have passed the schema (shapes and types).
 */
export function checkReferences(
  schema: Record<string, unknown>,
  data: unknown,
  directory: Directory,
  labels: LabelContext['labels'],
  locale: Locale,
): FieldError[] {
  const ctx: LabelContext = { root: schema, labels, locale };
  const errors: FieldError[] = [];
  visit(schema, data, '', (format, node, value, path) => {
    const refusal =
      format === 'flowform-user'
        ? personRefusal(directory, value, strings(node['x-roles']))
        : unitRefusal(directory, value, strings(node['x-unitKinds']));
    if (!refusal) return;
    const label = fieldLabel(ctx, parsePointer(path));
    errors.push(referenceError(path, label, refusal, format, node, value, directory, locale));
  });
  return errors;
}

/**
 * A person named outside a form (a task command's `to` or `users`): the field error when the
 * directory has no active user by that name, else undefined.
 */
export function personError(
  directory: Directory,
  username: string,
  path: string,
  label: string,
  locale: Locale,
): FieldError | undefined {
  const refusal = personRefusal(directory, username, []);
  return refusal && referenceError(path, label, refusal, 'flowform-user', {}, username, directory, locale);
}

type Found = (format: ReferenceFormat, node: Record<string, unknown>, value: string, path: string) => void;

function visit(node: unknown, data: unknown, path: string, found: Found): void {
  if (!isSchemaObject(node)) return;
  if (typeof data === 'string' && isReferenceFormat(node.format)) found(node.format, node, data, path);
  if (isSchemaObject(data) && isSchemaObject(node.properties)) {
    for (const [key, sub] of Object.entries(node.properties)) {
      if (Object.hasOwn(data, key)) visit(sub, data[key], appendPointer(path, key), found);
    }
  }
  if (Array.isArray(data) && isSchemaObject(node.items)) {
    for (const [i, item] of data.entries()) visit(node.items, item, appendPointer(path, i), found);
  }
  for (const part of Array.isArray(node.allOf) ? node.allOf : []) visit(part, data, path, found);
}

function personRefusal(directory: Directory, username: string, roles: string[]): Refusal | undefined {
  const user = directory.user(username);
  if (!user) return 'unknown';
  if (user.disabled) return 'disabled';
  if (roles.length > 0 && !directory.rolesOf(username).some((r) => roles.includes(r.role))) return 'role';
  return undefined;
}

function unitRefusal(directory: Directory, id: string, kinds: string[]): Refusal | undefined {
  const unit = directory.unit(id);
  if (!unit) return 'unknown';
  if (kinds.length > 0 && !kinds.includes(unit.kind)) return 'kind';
  return undefined;
}

function referenceError(
  path: string,
  label: string,
  refusal: Refusal,
  format: ReferenceFormat,
  node: Record<string, unknown>,
  value: string,
  directory: Directory,
  locale: Locale,
): FieldError {
  const en = locale === 'en';
  const or = (list: string[]) => (en ? list.join(' or ') : list.join('或'));
  const keyword = refusal === 'role' ? 'x-roles' : refusal === 'kind' ? 'x-unitKinds' : 'format';
  let message: string;
  if (format === 'flowform-user') {
    const name = directory.user(value)?.displayName[locale] || value;
    const roles = strings(node['x-roles']).map((r) => roleLabel(r, locale));
    message =
      refusal === 'unknown'
        ? en
          ? `${label}: nobody with username "${value}" in the directory`
          : `${label}：组织架构中没有用户名为“${value}”的人员`
        : refusal === 'disabled'
          ? en
            ? `${label}: ${name} (${value}) has left; the account is disabled`
            : `${label}：${name}（${value}）的账号已停用`
          : en
            ? `${label}: ${name} (${value}) is not a ${or(roles)}`
            : `${label}：${name}（${value}）不是${or(roles)}`;
  } else {
    const unit = directory.unit(value);
    const name = unit?.name[locale] || value;
    const kind = (k: string) => UNIT_KIND_LABELS[k as keyof typeof UNIT_KIND_LABELS]?.[locale] ?? k;
    const kinds = strings(node['x-unitKinds']).map(kind);
    message =
      refusal === 'unknown'
        ? en
          ? `${label}: no unit "${value}" in the directory`
          : `${label}：组织架构中没有编号为“${value}”的单位`
        : en
          ? `${label}: ${name} is a ${kind(unit?.kind ?? '')}, not a ${or(kinds)}`
          : `${label}：${name}是${kind(unit?.kind ?? '')}，不是${or(kinds)}`;
  }
  return { path, keyword, message };
}
