/**
 * A static check of an assignment rule against the directory, for lint: catches typos in role names,
 * usernames and unit ids before a definition is published. Data-dependent rules pass.
 */
import type { AssignmentRule } from '../definition/definition-types';
import type { Directory } from './directory';
import { KNOWN_ROLES } from './directory-seed';

/** The verdict; `reason` says what is wrong, in English, for the lint message. */
export interface Satisfiability {
  ok: boolean;
  reason?: string;
}

const OK: Satisfiability = { ok: true };

function roleExists(role: string, directory: Directory): boolean {
  const held = directory.roleNames?.();
  return held ? held.includes(role) : (KNOWN_ROLES as readonly string[]).includes(role);
}

function checkRole(role: string, directory: Directory): Satisfiability {
  if (role.trim() === '') return { ok: false, reason: 'role name is empty' };
  return roleExists(role, directory) ? OK : { ok: false, reason: `nobody holds role "${role}" anywhere` };
}

function checkUsers(users: string[], directory: Directory): Satisfiability {
  if (users.length === 0) return { ok: false, reason: 'no users named' };
  const unknown = users.filter((u) => !directory.user(u));
  if (unknown.length > 0) return { ok: false, reason: `unknown users: ${unknown.join(', ')}` };
  const active = users.filter((u) => !directory.user(u)?.disabled);
  return active.length > 0 ? OK : { ok: false, reason: `all named users are disabled: ${users.join(', ')}` };
}

/**
 * Whether `rule` can ever name someone: users exist (and not all disabled), fixed units exist, roles are
 * held somewhere (by `roleNames` when the directory offers it, else the known role names), `up` is a
 * non-negative integer, field names are given. Case fields, CEL and performers are left to run time.
 */
export function checkRuleSatisfiable(rule: AssignmentRule, directory: Directory): Satisfiability {
  switch (rule.kind) {
    case 'users':
      return checkUsers(rule.users, directory);
    case 'role':
      if (!directory.unit(rule.unit)) return { ok: false, reason: `unknown unit "${rule.unit}"` };
      return checkRole(rule.role, directory);
    case 'roleInCaseUnit':
      if (rule.up !== undefined && (!Number.isInteger(rule.up) || rule.up < 0)) {
        return { ok: false, reason: `up must be a non-negative integer, got ${rule.up}` };
      }
      if (rule.unitField.trim() === '') return { ok: false, reason: 'unitField is empty' };
      return checkRole(rule.role, directory);
    case 'contractingLeader':
      return rule.unitField.trim() === '' ? { ok: false, reason: 'unitField is empty' } : OK;
    case 'field':
      return rule.field.trim() === '' ? { ok: false, reason: 'field is empty' } : OK;
    case 'cel':
      return rule.expr.trim() === '' ? { ok: false, reason: 'expression is empty' } : OK;
    case 'performerOf':
      return rule.state.trim() === '' ? { ok: false, reason: 'state is empty' } : OK;
    case 'initiator':
    case 'initiatorSuperior':
      return OK;
    case 'anyOf': {
      if (rule.rules.length === 0) return { ok: false, reason: 'anyOf has no rules' };
      const failed = rule.rules.map((r) => checkRuleSatisfiable(r, directory)).find((r) => !r.ok);
      return failed ? { ok: false, reason: `anyOf: ${failed.reason}` } : OK;
    }
    default:
      return { ok: false, reason: `unknown rule kind "${(rule as { kind: unknown }).kind}"` };
  }
}
