/**
 * Who may act on a task: named users plus roles in units. Roles stay roles (not expanded at creation)
 * so a directory change, such as a new branch secretary, applies to open tasks at once.
 */
import type { Directory, RoleInUnit } from './directory';

/** The candidates of a task: `roles` are offered to whoever holds them when asked (claimable). */
export interface CandidateSet {
  users: string[];
  roles: RoleInUnit[];
}

const byRoleThenUnit = (a: RoleInUnit, b: RoleInUnit): number =>
  a.role === b.role ? (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0) : a.role < b.role ? -1 : 1;

/** A normalised candidate set: deduplicated and sorted, so equal rules give equal sets. */
export function candidateSet(users: Iterable<string> = [], roles: Iterable<RoleInUnit> = []): CandidateSet {
  const uniqueRoles = new Map<string, RoleInUnit>();
  for (const r of roles) uniqueRoles.set(`${r.role}\u0000${r.unit}`, { role: r.role, unit: r.unit });
  return { users: [...new Set(users)].sort(), roles: [...uniqueRoles.values()].sort(byRoleThenUnit) };
}

/** The union of several candidate sets, normalised. */
export function mergeCandidates(sets: CandidateSet[]): CandidateSet {
  return candidateSet(
    sets.flatMap((s) => s.users),
    sets.flatMap((s) => s.roles),
  );
}

function isActive(username: string, directory: Directory): boolean {
  const user = directory.user(username);
  return !!user && !user.disabled;
}

/** The concrete active usernames the set means right now, sorted (for notifications and inbox counts). */
export function expandCandidates(candidates: CandidateSet, directory: Directory): string[] {
  const users = candidates.users.filter((u) => isActive(u, directory));
  const holders = candidates.roles.flatMap((r) => directory.holders(r.role, r.unit));
  return [...new Set([...users, ...holders])].sort();
}

/** Whether the user may act: active, and either listed or currently holding one of the roles. */
export function canActOn(username: string, candidates: CandidateSet, directory: Directory): boolean {
  if (!isActive(username, directory)) return false;
  if (candidates.users.includes(username)) return true;
  return candidates.roles.some((r) => directory.holders(r.role, r.unit).includes(username));
}
