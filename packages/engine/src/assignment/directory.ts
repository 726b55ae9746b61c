/**
 * The directory the engine asks "who is who": a read-only port, so the engine stays pure and the
 * server can back it with a database while tests use the in-memory one.
 */
import type { LocalizedText } from '../definition/definition-types';
import type { Contractor, UnitKind } from './directory-seed';

/** A user as the engine sees it; disabled users never get tasks. */
export interface DirectoryUser {
  username: string;
  displayName: LocalizedText;
  superior?: string;
  disabled: boolean;
}

/** A unit as the engine sees it; `parent` is null for the root. */
export interface DirectoryUnit {
  id: string;
  kind: UnitKind;
  name: LocalizedText;
  parent: string | null;
}

/** A role held in a unit, the unit of assignment that survives directory changes. */
export interface RoleInUnit {
  role: string;
  unit: string;
}

/** Everything assignment needs to know about the organisation, and nothing more. */
export interface Directory {
  user(username: string): DirectoryUser | undefined;
  unit(id: string): DirectoryUnit | undefined;
  /** Active (non-disabled) users holding `role` in `unitId`, sorted. */
  holders(role: string, unitId: string): string[];
  /** Every role the user holds, in the directory's order (the first is the user's home unit). */
  rolesOf(username: string): RoleInUnit[];
  /** Who contracts the unit: users and units, in the directory's order. */
  contractorsOf(unitId: string): Contractor[];
  /** The explicit superior if set and active, else the derived one (see `deriveSuperior`). */
  superiorOf(username: string): string | undefined;
  /** Active administrators, sorted: the fallback when nobody else matches. */
  administrators(): string[];
  /** Optional: every role name held somewhere, so lint can tell a typo from an unfilled role. */
  roleNames?(): string[];
  /** Optional: every username and every unit id, so lint can prove a rule for every person and unit. */
  usernames?(): string[];
  unitIds?(): string[];
}
