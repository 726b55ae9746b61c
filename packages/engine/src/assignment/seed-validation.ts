/**
 * Checks a directory seed read from JSON: shape and references, so a typo in the demo data fails
 * loudly at load time instead of sending a task to nobody.
 */
import { UNIT_KINDS } from './directory-seed';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isText = (v: unknown): boolean =>
  isObj(v) && typeof v['zh-CN'] === 'string' && typeof v.en === 'string';

function list(seed: Obj, key: string, problems: string[]): Obj[] {
  const value = seed[key];
  if (!Array.isArray(value)) {
    problems.push(`${key}: must be an array`);
    return [];
  }
  const items: Obj[] = [];
  value.forEach((item, i) => {
    if (isObj(item)) items.push(item);
    else problems.push(`${key}[${i}]: must be an object`);
  });
  return items;
}

function unitCycles(units: Obj[]): string[] {
  const parent = new Map(units.map((u) => [u.id, u.parent]));
  const problems: string[] = [];
  for (const start of parent.keys()) {
    const seen = new Set<unknown>();
    for (let at: unknown = start; at != null && parent.has(at); at = parent.get(at)) {
      if (seen.has(at)) {
        problems.push(`units: parent cycle through "${String(start)}"`);
        break;
      }
      seen.add(at);
    }
  }
  return problems;
}

/** Every problem in the seed, empty when it is usable; messages name the offending entry. */
export function validateDirectorySeed(seed: unknown): string[] {
  if (!isObj(seed)) return ['seed: must be an object'];
  const problems: string[] = [];
  const users = list(seed, 'users', problems);
  const units = list(seed, 'units', problems);
  const usernames = new Set<unknown>();
  const unitIds = new Set<unknown>();
  users.forEach((u, i) => {
    if (!isName(u.username)) problems.push(`users[${i}]: username must be a non-empty string`);
    else if (usernames.has(u.username)) problems.push(`users[${i}]: duplicate username "${u.username}"`);
    usernames.add(u.username);
    if (!isText(u.displayName)) problems.push(`users[${i}]: displayName needs "zh-CN" and "en"`);
    if (u.disabled !== undefined && typeof u.disabled !== 'boolean')
      problems.push(`users[${i}]: disabled must be a boolean`);
    if (u.phone != null && typeof u.phone !== 'string') problems.push(`users[${i}]: phone must be a string`);
  });
  units.forEach((u, i) => {
    if (!isName(u.id)) problems.push(`units[${i}]: id must be a non-empty string`);
    else if (unitIds.has(u.id)) problems.push(`units[${i}]: duplicate unit id "${u.id}"`);
    unitIds.add(u.id);
    if (!(UNIT_KINDS as readonly unknown[]).includes(u.kind))
      problems.push(`units[${i}]: kind must be one of ${UNIT_KINDS.join(', ')}`);
    if (!isText(u.name)) problems.push(`units[${i}]: name needs "zh-CN" and "en"`);
  });
  const user = (v: unknown, at: string) => {
    if (!usernames.has(v) || !isName(v)) problems.push(`${at}: unknown user "${String(v)}"`);
  };
  const unit = (v: unknown, at: string) => {
    if (!unitIds.has(v) || !isName(v)) problems.push(`${at}: unknown unit "${String(v)}"`);
  };
  users.forEach((u, i) => {
    if (u.superior == null) return;
    user(u.superior, `users[${i}].superior`);
    if (u.superior === u.username) problems.push(`users[${i}]: cannot be their own superior`);
  });
  units.forEach((u, i) => {
    if (u.parent != null) unit(u.parent, `units[${i}].parent`);
  });
  problems.push(...unitCycles(units));
  list(seed, 'memberships', problems).forEach((m, i) => {
    user(m.username, `memberships[${i}].username`);
    if (!isName(m.role)) problems.push(`memberships[${i}]: role must be a non-empty string`);
    unit(m.unit, `memberships[${i}].unit`);
  });
  list(seed, 'contracts', problems).forEach((c, i) => {
    unit(c.unit, `contracts[${i}].unit`);
    const by = c.contractor;
    if (!isObj(by) || 'user' in by === 'unit' in by)
      problems.push(`contracts[${i}]: contractor must be { "user": ... } or { "unit": ... }`);
    else if ('user' in by) user(by.user, `contracts[${i}].contractor.user`);
    else if (by.unit === c.unit) problems.push(`contracts[${i}]: a unit cannot contract itself`);
    else unit(by.unit, `contracts[${i}].contractor.unit`);
  });
  return problems;
}
