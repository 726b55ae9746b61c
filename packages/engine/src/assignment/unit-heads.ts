/**
 * Who heads a unit, and from that the derived superior of a user: the rule the directory uses when
 * a user has no explicit superior.
 */
import type { Directory } from './directory';
import type { UnitKind } from './directory-seed';

/** The role that heads each kind of unit; organ groups and family patches have no head of their own. */
export const HEAD_ROLE: Record<UnitKind, string | undefined> = {
  district: 'districtLeader',
  branch: 'branchSecretary',
  station: 'stationHead',
  supervisionGroup: 'disciplineLeader',
  organGroup: undefined,
  patch: undefined,
};

/** Active holders of the unit's head role, sorted; empty for an unknown unit or a headless kind. */
export function unitHeads(directory: Directory, unitId: string): string[] {
  const unit = directory.unit(unitId);
  const role = unit && HEAD_ROLE[unit.kind];
  return role ? directory.holders(role, unitId) : [];
}

/**
 * The derived superior: the nearest head above the user. Start at the user's home unit (the unit of
 * their first non-administrator role); if the user is not one of its heads and it has an active head,
 * that head is the superior (a worker's station head); otherwise walk up the parents and take the first
 * unit with an active head (a station head's branch secretary, a branch secretary's district leader).
 * When that unit has several heads (the district has several leaders), prefer one who contracts a unit
 * on the path walked, nearest first (the leader contracting the secretary's branch), else the first by
 * username. Undefined when the user has no home unit or nobody heads anything above them.
 */
export function deriveSuperior(directory: Directory, username: string): string | undefined {
  const home = directory.rolesOf(username).find((r) => r.role !== 'administrator');
  const path: string[] = [];
  for (let at: string | null | undefined = home?.unit; at; at = directory.unit(at)?.parent) {
    if (path.includes(at)) return undefined;
    const heads = unitHeads(directory, at);
    if (heads.length > 0 && !heads.includes(username)) return pickHead(directory, heads, path);
    path.unshift(at);
  }
  return undefined;
}

function pickHead(directory: Directory, heads: string[], pathNearestFirst: string[]): string {
  for (const unitId of pathNearestFirst) {
    const contracting = directory
      .contractorsOf(unitId)
      .flatMap((c) => ('user' in c && heads.includes(c.user) ? [c.user] : []));
    if (contracting.length > 0) return contracting.sort()[0]!;
  }
  return heads[0]!;
}
