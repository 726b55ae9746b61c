/**
 * The shape rules of the organisation: which kind of unit sits under which, which roles belong in
 * which kinds of unit, and what may contract what. A directory change is checked against them so a
 * worker can never become "branch secretary" of a metering station.
 */
import type { RoleName, UnitKind } from './directory-seed';

/** The kinds a unit of each kind may sit under; `null`: it may be a root (only the district). */
export const PARENT_KINDS: Record<UnitKind, readonly (UnitKind | null)[]> = {
  district: [null],
  branch: ['district'],
  station: ['branch'],
  organGroup: ['district'],
  supervisionGroup: ['district'],
  patch: ['branch', 'district', 'station'],
  well: ['station'],
};

/** Roles that exist only in some kinds of unit; roles not listed may be held in any unit. */
export const ROLE_UNIT_KINDS: Partial<Record<RoleName, readonly UnitKind[]>> = {
  districtLeader: ['district'],
  branchSecretary: ['branch'],
  branchCommitteeMember: ['branch'],
  stationHead: ['station'],
  integritySupervisor: ['station'],
  disciplineLeader: ['district', 'supervisionGroup'],
  disciplineInspector: ['supervisionGroup'],
  organGroupMember: ['organGroup'],
};

/**
 * Roles a unit's head holds with the post, in the same unit (a branch secretary and a station head
 * are cadres there): they move with the post when its holder changes.
 */
export const POST_COMPANIONS: Partial<Record<RoleName, readonly RoleName[]>> = {
  branchSecretary: ['cadre'],
  stationHead: ['cadre'],
};

/** Units that may contract (承包) a unit of each kind: branches and organ groups contract stations. */
export const CONTRACTOR_UNIT_KINDS: Partial<Record<UnitKind, readonly UnitKind[]>> = {
  station: ['branch', 'organGroup'],
};

/** Kinds a person may contract: leaders a branch or an organ group, anyone a station, well or patch. */
export const USER_CONTRACTED_KINDS: readonly UnitKind[] = [
  'branch',
  'organGroup',
  'station',
  'patch',
  'well',
];

/** Whether a unit of `kind` may sit under a unit of `parentKind` (null: at the root). */
export function parentAllowed(kind: UnitKind, parentKind: UnitKind | null): boolean {
  return PARENT_KINDS[kind].includes(parentKind);
}

/** Whether `role` may be held in a unit of `kind`. */
export function roleAllowedIn(role: string, kind: UnitKind): boolean {
  const kinds = ROLE_UNIT_KINDS[role];
  return !kinds || kinds.includes(kind);
}
