/**
 * Follows contracting (承包) relations to a person: "the leader who contracts this unit" is a normal
 * way to say who gets a task, even when a station is contracted by a branch rather than a person.
 */
import type { Directory } from './directory';

function activeUsers(directory: Directory, usernames: string[]): string[] {
  return usernames.filter((u) => directory.user(u)?.disabled === false);
}

/**
 * The active users who contract the unit, sorted. Rule, in order of preference:
 * 1. active users contracting the unit directly;
 * 2. else, for units contracting it (a branch contracting a station), their contracting users, found
 *    by applying this same rule to each contracting unit (union);
 * 3. else the same rule applied to the unit's parent (a station's branch, a patch's branch).
 * Empty when nothing up to the root leads to an active person. Cycles are cut.
 */
export function contractingUsers(
  directory: Directory,
  unitId: string,
  visited = new Set<string>(),
): string[] {
  if (visited.has(unitId) || !directory.unit(unitId)) return [];
  visited.add(unitId);
  const contractors = directory.contractorsOf(unitId);
  const direct = activeUsers(
    directory,
    contractors.flatMap((c) => ('user' in c ? [c.user] : [])),
  );
  if (direct.length > 0) return [...new Set(direct)].sort();
  const viaUnits = contractors.flatMap((c) =>
    'unit' in c ? contractingUsers(directory, c.unit, visited) : [],
  );
  if (viaUnits.length > 0) return [...new Set(viaUnits)].sort();
  const parent = directory.unit(unitId)?.parent;
  return parent ? contractingUsers(directory, parent, visited) : [];
}
