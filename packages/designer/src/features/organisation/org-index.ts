import { PARENT_KINDS, ROLE_LABELS, ROLE_UNIT_KINDS, type UnitKind } from '@flowform/engine/browser';
import type { DirectoryOp, Organisation } from './organisation-api';

export type OrgUnit = Organisation['units'][number];
export type OrgPerson = Organisation['people'][number];
export type Membership = Organisation['memberships'][number];
export type Contract = Organisation['contracts'][number];

/** The organisation looked up every way the screens need: tree, members, roles, contracts. */
export interface OrgIndex {
  org: Organisation;
  unit: (id: string) => OrgUnit | undefined;
  person: (username: string) => OrgPerson | undefined;
  roots: OrgUnit[];
  children: (id: string) => OrgUnit[];
  /** The unit and its ancestors, root first. */
  path: (id: string) => OrgUnit[];
  membersOf: (unit: string) => Membership[];
  rolesOf: (username: string) => Membership[];
  /** Contracts whose target is `unit`. */
  contractorsOf: (unit: string) => Contract[];
  /** Contracts the unit or person holds. */
  contractedBy: (who: { unit: string } | { user: string }) => Contract[];
}

const byName = (a: OrgUnit, b: OrgUnit) => a.id.localeCompare(b.id, 'en', { numeric: true });

/** Builds the look-ups once per organisation version. */
export function indexOrganisation(org: Organisation): OrgIndex {
  const units = new Map(org.units.map((u) => [u.id, u]));
  const people = new Map(org.people.map((p) => [p.username, p]));
  const kids = new Map<string, OrgUnit[]>();
  const roots: OrgUnit[] = [];
  for (const unit of org.units) {
    if (unit.parent && units.has(unit.parent)) {
      const list = kids.get(unit.parent) ?? [];
      list.push(unit);
      kids.set(unit.parent, list);
    } else roots.push(unit);
  }
  for (const list of kids.values()) list.sort(byName);
  const group = <K extends string>(key: (m: Membership) => K) => {
    const map = new Map<string, Membership[]>();
    for (const m of org.memberships) map.set(key(m), [...(map.get(key(m)) ?? []), m]);
    return map;
  };
  const members = group((m) => m.unit);
  const roles = group((m) => m.username);
  return {
    org,
    unit: (id) => units.get(id),
    person: (username) => people.get(username),
    roots: roots.sort(byName),
    children: (id) => kids.get(id) ?? [],
    path: (id) => {
      const out: OrgUnit[] = [];
      const seen = new Set<string>();
      for (
        let at = units.get(id);
        at && !seen.has(at.id);
        at = at.parent ? units.get(at.parent) : undefined
      ) {
        seen.add(at.id);
        out.unshift(at);
      }
      return out;
    },
    membersOf: (unit) => members.get(unit) ?? [],
    rolesOf: (username) => roles.get(username) ?? [],
    contractorsOf: (unit) => org.contracts.filter((c) => c.unit === unit),
    contractedBy: (who) =>
      org.contracts.filter((c) =>
        'unit' in who
          ? 'unit' in c.contractor && c.contractor.unit === who.unit
          : 'user' in c.contractor && c.contractor.user === who.user,
      ),
  };
}

/** The roles a unit of `kind` may hold, known ones first in the catalogue's order. */
export function rolesForKind(kind: UnitKind): string[] {
  return Object.keys(ROLE_LABELS).filter((role) => {
    if (role === 'administrator') return kind === 'district';
    const kinds = ROLE_UNIT_KINDS[role];
    return !kinds || kinds.includes(kind);
  });
}

/** The kinds of unit that may sit under a unit of `kind`. */
export function childKinds(kind: UnitKind): UnitKind[] {
  return (Object.keys(PARENT_KINDS) as UnitKind[]).filter((k) => PARENT_KINDS[k].includes(kind));
}

/**
 * People whose name (either language), username or phone contains `query` (case-insensitive),
 * active people first, then by username.
 */
export function searchPeople(people: readonly OrgPerson[], query: string): OrgPerson[] {
  const q = query.trim().toLowerCase();
  const hits = q
    ? people.filter((p) =>
        [p.username, p.displayName['zh-CN'], p.displayName.en, p.phone ?? ''].some((s) =>
          s.toLowerCase().includes(q),
        ),
      )
    : [...people];
  return hits.sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || a.username.localeCompare(b.username, 'en', { numeric: true }),
  );
}

/** The operations that move a person's role from one unit to another. */
export function moveRoleOps(m: Membership, toUnit: string): DirectoryOp[] {
  if (m.unit === toUnit) return [];
  return [
    { op: 'removeMembership', username: m.username, role: m.role, unit: m.unit },
    { op: 'addMembership', username: m.username, role: m.role, unit: toUnit },
  ];
}

/**
 * The operations that turn a person record (as it is) into the form's values: name and phone,
 * leaving or coming back. Nothing for an unchanged person.
 */
export function personOps(
  before: OrgPerson | undefined,
  after: { username: string; displayName: { 'zh-CN': string; en: string }; phone: string; active: boolean },
): DirectoryOp[] {
  const phone = after.phone.trim() || null;
  if (!before) return [{ op: 'addPerson', username: after.username, displayName: after.displayName, phone }];
  const ops: DirectoryOp[] = [];
  const renamed =
    before.displayName['zh-CN'] !== after.displayName['zh-CN'] ||
    before.displayName.en !== after.displayName.en;
  const rephoned = (before.phone ?? null) !== phone;
  if (renamed || rephoned)
    ops.push({
      op: 'setPerson',
      username: before.username,
      ...(renamed ? { displayName: after.displayName } : {}),
      ...(rephoned ? { phone } : {}),
    });
  if (before.active && !after.active) ops.push({ op: 'deactivatePerson', username: before.username });
  if (!before.active && after.active) ops.push({ op: 'setPerson', username: before.username, active: true });
  return ops;
}

/** An id the contract accepts for units and usernames. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
