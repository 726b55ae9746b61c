/**
 * The difference between two directories as the operations that turn the first into the second:
 * what a whole-organisation import applies, so it goes the same way (and is previewed the same
 * way) as any other directory change. People are never deleted: one missing from the target left.
 */
import type { LocalizedText } from '../definition/definition-types';
import type { DirectoryOp } from './directory-op';
import { parentsFirst, sameContract, sameMembership } from './directory-ops';
import type { DirectorySeed, SeedUser } from './directory-seed';

const sameText = (a: LocalizedText, b: LocalizedText) => a['zh-CN'] === b['zh-CN'] && a.en === b.en;

/** Operations, in an order that applies cleanly, turning `from` into `to` (superiors are derived). */
export function diffDirectory(from: DirectorySeed, to: DirectorySeed): DirectoryOp[] {
  const ops: DirectoryOp[] = [];
  const fromUnits = new Map(from.units.map((u) => [u.id, u]));
  const toUnits = new Map(to.units.map((u) => [u.id, u]));
  for (const unit of parentsFirst(to.units)) {
    const was = fromUnits.get(unit.id);
    const parent = unit.parent ?? null;
    if (!was) {
      ops.push({ op: 'addUnit', id: unit.id, kind: unit.kind, name: unit.name, parent });
      continue;
    }
    if (was.kind !== unit.kind || !sameText(was.name, unit.name)) {
      ops.push({
        op: 'setUnit',
        id: unit.id,
        ...(was.kind !== unit.kind ? { kind: unit.kind } : {}),
        ...(!sameText(was.name, unit.name) ? { name: unit.name } : {}),
      });
    }
    if ((was.parent ?? null) !== parent) ops.push({ op: 'moveUnit', id: unit.id, parent });
  }
  const fromUsers = new Map(from.users.map((u) => [u.username, u]));
  const toUsers = new Map(to.users.map((u) => [u.username, u]));
  const leaving: string[] = [];
  for (const user of to.users) {
    const was = fromUsers.get(user.username);
    if (!was) {
      ops.push({
        op: 'addPerson',
        username: user.username,
        displayName: user.displayName,
        phone: user.phone ?? null,
      });
      if (user.disabled) leaving.push(user.username);
      continue;
    }
    const set = personChanges(was, user);
    if (set) ops.push(set);
    if (user.disabled && !was.disabled) leaving.push(user.username);
  }
  for (const was of from.users) if (!toUsers.has(was.username) && !was.disabled) leaving.push(was.username);
  for (const m of from.memberships)
    if (!to.memberships.some((n) => sameMembership(m, n))) ops.push({ op: 'removeMembership', ...m });
  for (const c of from.contracts)
    if (!to.contracts.some((n) => sameContract(c, n))) ops.push({ op: 'removeContract', ...c });
  for (const username of leaving) ops.push({ op: 'deactivatePerson', username });
  for (const m of to.memberships)
    if (!from.memberships.some((n) => sameMembership(m, n))) ops.push({ op: 'addMembership', ...m });
  for (const c of to.contracts)
    if (!from.contracts.some((n) => sameContract(c, n))) ops.push({ op: 'addContract', ...c });
  for (const unit of parentsFirst(from.units).reverse())
    if (!toUnits.has(unit.id)) ops.push({ op: 'removeUnit', id: unit.id });
  return ops;
}

function personChanges(was: SeedUser, user: SeedUser): DirectoryOp | undefined {
  const name = !sameText(was.displayName, user.displayName);
  const phone = (was.phone ?? null) !== (user.phone ?? null);
  const back = !!was.disabled && !user.disabled;
  if (!name && !phone && !back) return undefined;
  return {
    op: 'setPerson',
    username: user.username,
    ...(name ? { displayName: user.displayName } : {}),
    ...(phone ? { phone: user.phone ?? null } : {}),
    ...(back ? { active: true } : {}),
  };
}
