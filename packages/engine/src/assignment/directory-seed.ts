/**
 * The directory seed: the JSON shape in which an organisation (users, units, role memberships,
 * contracting relations) is written down, shared by the demo data, the server and the tests.
 */
import type { LocalizedText } from '../definition/definition-types';

/** Roles the first customer uses; any other string is allowed so other organisations can add theirs. */
export const KNOWN_ROLES = [
  'administrator',
  'districtLeader',
  'branchSecretary',
  'branchCommitteeMember',
  'cadre',
  'stationHead',
  'worker',
  'workerRep',
  'integritySupervisor',
  'disciplineInspector',
  'disciplineLeader',
  'organGroupMember',
] as const;

/** Known role names, for completion and labels, without closing the set. */
export type KnownRoleName = (typeof KNOWN_ROLES)[number];

/** A role name: a known one or any other camelCase string. */
export type RoleName = KnownRoleName | (string & {});

/** Unit kinds of the organisation; fixed because superiors and labels depend on them. */
export const UNIT_KINDS = [
  'district',
  'branch',
  'station',
  'organGroup',
  'supervisionGroup',
  'patch',
  'well',
] as const;

/** The kind of an organisational unit (a family patch and a key well are units too, so they can be contracted). */
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * A person who can log in; `superior` names an explicit superior, overriding the derived one;
 * `disabled`: the person left; `phone` is contact data only.
 */
export interface SeedUser {
  username: string;
  displayName: LocalizedText;
  superior?: string | null;
  disabled?: boolean;
  phone?: string | null;
}

/** A unit of the organisation tree; `parent` null or absent for the root. */
export interface SeedUnit {
  id: string;
  kind: UnitKind;
  name: LocalizedText;
  parent?: string | null;
}

/** One role held by one user in one unit; a user may hold several. */
export interface SeedMembership {
  username: string;
  role: RoleName;
  unit: string;
}

/** Who contracts (承包) a unit: a person, or another unit (a branch contracting a station). */
export type Contractor = { user: string } | { unit: string };

/** A contracting relation: `contractor` contracts `unit`; a relation, not a hierarchy. */
export interface SeedContract {
  contractor: Contractor;
  unit: string;
}

/** The whole seed file, exactly as written in JSON. */
export interface DirectorySeed {
  users: SeedUser[];
  units: SeedUnit[];
  memberships: SeedMembership[];
  contracts: SeedContract[];
}
