/**
 * Who heads a unit, and from that the derived superior of a user: the rule the directory uses when
 * a user has no explicit superior.
 */
import type { Directory } from './directory';
import type { UnitKind } from './directory-seed';

/** The role that heads each kind of unit; organ groups, family patches and key wells have no head of their own. */
export const HEAD_ROLE: Record<UnitKind, string | undefined> = {
  district: 'districtLeader',
  branch: 'branchSecretary',
  station: 'stationHead',
  supervisionGroup: 'disciplineLeader',
  organGroup: undefined,
  patch: undefined,
  well: undefined,
};

/** Active holders of the unit's head role, sorted; empty for an unknown unit or a headless kind. */
export function unitHeads(directory: Directory, unitId: string): string[] {
  const unit = directory.unit(unitId);
  const role = unit && HEAD_ROLE[unit.kind];
  return role ? directory.holders(role, unitId) : [];
}

/**
 * Roles that watch over their own unit's head (a station's volunteer integrity supervisor watches
 * the station head): their holders report to the head of the unit above, never to the head they watch.
 */
const OVERSIGHT_ROLES: ReadonlySet<string> = new Set(['integritySupervisor']);

/**
 * The heads of a unit for the walk: its own head-role holders, else (a discipline supervision group
 * whose discipline leader sits in the district committee) the nearest holders of that role above it.
 */
function headsFor(directory: Directory, unitId: string): string[] {
  const unit = directory.unit(unitId);
  const role = unit && HEAD_ROLE[unit.kind];
  if (!role) return [];
  const seen = new Set<string>();
  for (let at: string | null | undefined = unitId; at && !seen.has(at); at = directory.unit(at)?.parent) {
    seen.add(at);
    const holders = directory.holders(role, at);
    if (holders.length > 0) return holders;
  }
  return [];
}

/**
 * The derived superior: the nearest head above the user. Start at the user's home unit (the unit of
 * their first non-administrator role; for an oversight role such as the integrity supervisor, its
 * parent); if the user is not one of its heads and it has an active head, that head is the superior
 * (a worker's station head); otherwise walk up the parents and take the first unit with an active
 * head (a station head's branch secretary, a branch secretary's district leader). A unit whose kind
 * is headed by a role held higher up (the discipline supervision group) is headed by the nearest
 * holders of that role above it. When that unit has several heads (the district has several
 * leaders), prefer one who contracts a unit on the path walked, nearest first (the leader contracting
 * the secretary's branch, or the organ group they are in charge of), else the first by username.
 * Undefined when the user has no home unit or nobody heads anything above them.
 */
export function deriveSuperior(directory: Directory, username: string): string | undefined {
  const home = directory.rolesOf(username).find((r) => r.role !== 'administrator');
  const path: string[] = [];
  let start = home?.unit;
  if (home && OVERSIGHT_ROLES.has(home.role)) {
    path.unshift(home.unit);
    start = directory.unit(home.unit)?.parent ?? undefined;
  }
  for (let at: string | null | undefined = start; at; at = directory.unit(at)?.parent) {
    if (path.includes(at)) return undefined;
    const heads = headsFor(directory, at);
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
