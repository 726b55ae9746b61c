/**
 * The mutable directory a change is applied to, one operation at a time, with the checks each
 * operation needs (references, cycles, the kind rules) and the sentences that explain a refusal.
 */
import type { LocalizedText } from '../definition/definition-types';
import type { DirectoryIssue, DirectoryOp } from './directory-op';
import type {
  Contractor,
  DirectorySeed,
  SeedContract,
  SeedMembership,
  SeedUnit,
  SeedUser,
  UnitKind,
} from './directory-seed';
import { ROLE_LABELS, UNIT_KIND_LABELS } from './role-labels';
import { HEAD_ROLE } from './unit-heads';
import {
  CONTRACTOR_UNIT_KINDS,
  PARENT_KINDS,
  POST_COMPANIONS,
  parentAllowed,
  ROLE_UNIT_KINDS,
  roleAllowedIn,
  USER_CONTRACTED_KINDS,
} from './unit-kind-rules';

const kindText = (kind: UnitKind | null): LocalizedText =>
  kind ? UNIT_KIND_LABELS[kind] : { 'zh-CN': '顶层', en: 'the top' };
const kindList = (kinds: readonly (UnitKind | null)[], locale: 'zh-CN' | 'en') =>
  kinds.map((k) => kindText(k)[locale]).join(locale === 'en' ? ', ' : '、');
const roleText = (role: string): LocalizedText =>
  (ROLE_LABELS as Record<string, LocalizedText>)[role] ?? { 'zh-CN': role, en: role };
const contractorText = (c: Contractor): string => ('user' in c ? c.user : c.unit);

/** Directory data being changed; `issues` collects every refusal. */
export class DirectoryState {
  readonly users = new Map<string, SeedUser>();
  readonly units = new Map<string, SeedUnit>();
  memberships: SeedMembership[];
  contracts: SeedContract[];
  readonly issues: DirectoryIssue[] = [];

  constructor(seed: DirectorySeed) {
    for (const u of seed.users) this.users.set(u.username, { ...u, displayName: { ...u.displayName } });
    for (const u of seed.units) this.units.set(u.id, { ...u, name: { ...u.name }, parent: u.parent ?? null });
    this.memberships = seed.memberships.map((m) => ({ ...m }));
    this.contracts = seed.contracts.map((c) => ({ contractor: { ...c.contractor }, unit: c.unit }));
  }

  toSeed(): DirectorySeed {
    return {
      users: [...this.users.values()],
      units: [...this.units.values()],
      memberships: this.memberships,
      contracts: this.contracts,
    };
  }

  private refuse(path: string, code: string, zh: string, en: string): false {
    this.issues.push({ path, code, message: { 'zh-CN': zh, en } });
    return false;
  }

  private needUnit(id: string, path: string): SeedUnit | undefined {
    const unit = this.units.get(id);
    if (!unit) this.refuse(path, 'unknown-unit', `单位“${id}”不存在`, `There is no unit "${id}"`);
    return unit;
  }

  private needUser(username: string, path: string): SeedUser | undefined {
    const user = this.users.get(username);
    if (!user)
      this.refuse(path, 'unknown-user', `人员“${username}”不存在`, `There is no person "${username}"`);
    return user;
  }

  private checkParent(kind: UnitKind, parent: string | null, path: string): boolean {
    const parentUnit = parent === null ? undefined : this.needUnit(parent, path);
    if (parent !== null && !parentUnit) return false;
    const parentKind = parentUnit?.kind ?? null;
    if (parentAllowed(kind, parentKind)) return true;
    const k = kindText(kind);
    return this.refuse(
      path,
      'unit-parent-kind',
      `${k['zh-CN']}只能位于${kindList(PARENT_KINDS[kind], 'zh-CN')}之下，不能在${kindText(parentKind)['zh-CN']}之下`,
      `A ${k.en} belongs under ${kindList(PARENT_KINDS[kind], 'en')}, not under ${kindText(parentKind).en}`,
    );
  }

  private checkRoleIn(role: string, unit: SeedUnit, path: string): boolean {
    if (roleAllowedIn(role, unit.kind)) return true;
    const r = roleText(role);
    const kinds = ROLE_UNIT_KINDS[role] ?? [];
    return this.refuse(
      path,
      'role-unit-kind',
      `“${r['zh-CN']}”只能设在${kindList(kinds, 'zh-CN')}，“${unit.id}”是${kindText(unit.kind)['zh-CN']}`,
      `The role "${r.en}" belongs in a ${kindList(kinds, 'en')}; "${unit.id}" is a ${kindText(unit.kind).en}`,
    );
  }

  private checkActive(user: SeedUser, path: string): boolean {
    if (!user.disabled) return true;
    return this.refuse(
      path,
      'person-left',
      `“${user.username}”已离开，不能再担任角色或承包`,
      `"${user.username}" has left and can hold no role or contract`,
    );
  }

  /** Applies one operation at `at` (`/ops/3`), or records why not. */
  apply(op: DirectoryOp, at: string): void {
    switch (op.op) {
      case 'addUnit':
        return this.addUnit(op, at);
      case 'setUnit':
        return this.setUnit(op, at);
      case 'moveUnit':
        return this.moveUnit(op, at);
      case 'removeUnit':
        return this.removeUnit(op.id, at);
      case 'addPerson':
        return this.addPerson(op, at);
      case 'setPerson':
        return this.setPerson(op, at);
      case 'deactivatePerson':
        return this.setPerson({ op: 'setPerson', username: op.username, active: false }, at);
      case 'addMembership':
        return this.addMembership(op, at);
      case 'removeMembership':
        return this.removeMembership(op, at);
      case 'setRoleHolder':
        return this.setRoleHolder(op, at);
      case 'addContract':
        return this.addContract(op, at);
      case 'removeContract':
        return this.removeContract(op, at);
    }
  }

  private addUnit(op: Extract<DirectoryOp, { op: 'addUnit' }>, at: string): void {
    if (this.units.has(op.id)) {
      this.refuse(
        `${at}/id`,
        'duplicate-unit',
        `单位编号“${op.id}”已存在`,
        `A unit "${op.id}" exists already`,
      );
      return;
    }
    if (!this.checkParent(op.kind, op.parent, `${at}/parent`)) return;
    this.units.set(op.id, { id: op.id, kind: op.kind, name: { ...op.name }, parent: op.parent });
  }

  private setUnit(op: Extract<DirectoryOp, { op: 'setUnit' }>, at: string): void {
    const unit = this.needUnit(op.id, `${at}/id`);
    if (!unit) return;
    if (op.kind && op.kind !== unit.kind) {
      if (!this.checkParent(op.kind, unit.parent ?? null, `${at}/kind`)) return;
      const child = [...this.units.values()].find(
        (u) => u.parent === unit.id && !parentAllowed(u.kind, op.kind!),
      );
      if (child) {
        this.refuse(
          `${at}/kind`,
          'unit-parent-kind',
          `下级单位“${child.id}”不能位于${kindText(op.kind)['zh-CN']}之下`,
          `Its child unit "${child.id}" cannot sit under a ${kindText(op.kind).en}`,
        );
        return;
      }
      const held = this.memberships.find((m) => m.unit === unit.id && !roleAllowedIn(m.role, op.kind!));
      if (held && !this.checkRoleIn(held.role, { ...unit, kind: op.kind }, `${at}/kind`)) return;
      unit.kind = op.kind;
    }
    if (op.name) unit.name = { ...op.name };
  }

  private moveUnit(op: Extract<DirectoryOp, { op: 'moveUnit' }>, at: string): void {
    const unit = this.needUnit(op.id, `${at}/id`);
    if (!unit || !this.checkParent(unit.kind, op.parent, `${at}/parent`)) return;
    for (let p: string | null | undefined = op.parent; p; p = this.units.get(p)?.parent) {
      if (p === unit.id) {
        this.refuse(
          `${at}/parent`,
          'unit-cycle',
          `不能把“${unit.id}”移到它自己或其下级单位之下`,
          `"${unit.id}" cannot move under itself or one of its own units`,
        );
        return;
      }
    }
    unit.parent = op.parent;
  }

  private removeUnit(id: string, at: string): void {
    if (!this.needUnit(id, `${at}/id`)) return;
    const child = [...this.units.values()].find((u) => u.parent === id);
    const member = this.memberships.find((m) => m.unit === id);
    const contract = this.contracts.find(
      (c) => c.unit === id || ('unit' in c.contractor && c.contractor.unit === id),
    );
    const inUse = child
      ? { zh: `下级单位“${child.id}”`, en: `child unit "${child.id}"` }
      : member
        ? { zh: `“${member.username}”的角色`, en: `the role of "${member.username}"` }
        : contract
          ? { zh: '承包关系', en: 'a contracting relation' }
          : undefined;
    if (inUse) {
      this.refuse(
        `${at}/id`,
        'unit-in-use',
        `单位“${id}”仍有${inUse.zh}，请先移走或删除`,
        `The unit "${id}" still has ${inUse.en}: move or remove it first`,
      );
      return;
    }
    this.units.delete(id);
  }

  private addPerson(op: Extract<DirectoryOp, { op: 'addPerson' }>, at: string): void {
    if (this.users.has(op.username)) {
      this.refuse(
        `${at}/username`,
        'duplicate-username',
        `用户名“${op.username}”已被使用`,
        `The username "${op.username}" is taken`,
      );
      return;
    }
    const user: SeedUser = { username: op.username, displayName: { ...op.displayName } };
    if (op.phone) user.phone = op.phone;
    this.users.set(op.username, user);
  }

  private setPerson(op: Extract<DirectoryOp, { op: 'setPerson' }>, at: string): void {
    const user = this.needUser(op.username, `${at}/username`);
    if (!user) return;
    if (op.displayName) user.displayName = { ...op.displayName };
    if (op.phone !== undefined) {
      if (op.phone) user.phone = op.phone;
      else delete user.phone;
    }
    if (op.active === true) delete user.disabled;
    if (op.active === false) {
      user.disabled = true;
      // Someone who left holds no role and contracts nothing.
      this.memberships = this.memberships.filter((m) => m.username !== user.username);
      this.contracts = this.contracts.filter(
        (c) => !('user' in c.contractor && c.contractor.user === user.username),
      );
    }
  }

  private membershipTarget(
    op: { username: string; role: string; unit: string },
    at: string,
  ): { user: SeedUser; unit: SeedUnit } | undefined {
    const user = this.needUser(op.username, `${at}/username`);
    const unit = this.needUnit(op.unit, `${at}/unit`);
    if (
      !user ||
      !unit ||
      !this.checkActive(user, `${at}/username`) ||
      !this.checkRoleIn(op.role, unit, `${at}/role`)
    )
      return undefined;
    return { user, unit };
  }

  private addMembership(op: Extract<DirectoryOp, { op: 'addMembership' }>, at: string): void {
    if (!this.membershipTarget(op, at)) return;
    if (
      this.memberships.some((m) => m.username === op.username && m.role === op.role && m.unit === op.unit)
    ) {
      this.refuse(
        at,
        'duplicate-membership',
        `“${op.username}”已在“${op.unit}”担任“${roleText(op.role)['zh-CN']}”`,
        `"${op.username}" already holds "${roleText(op.role).en}" in "${op.unit}"`,
      );
      return;
    }
    this.memberships.push({ username: op.username, role: op.role, unit: op.unit });
  }

  private removeMembership(op: Extract<DirectoryOp, { op: 'removeMembership' }>, at: string): void {
    const before = this.memberships.length;
    this.memberships = this.memberships.filter(
      (m) => !(m.username === op.username && m.role === op.role && m.unit === op.unit),
    );
    if (this.memberships.length === before) {
      this.refuse(
        at,
        'no-such-membership',
        `“${op.username}”并未在“${op.unit}”担任“${roleText(op.role)['zh-CN']}”`,
        `"${op.username}" does not hold "${roleText(op.role).en}" in "${op.unit}"`,
      );
    }
  }

  /**
   * The role in the unit now has exactly this holder. When it is the unit's head post, the roles
   * that go with the post (a secretary is a cadre of the branch) move with it, and the new holder
   * keeps no other role in that unit (a committee member who becomes secretary leaves the committee).
   */
  private setRoleHolder(op: Extract<DirectoryOp, { op: 'setRoleHolder' }>, at: string): void {
    const target = this.membershipTarget(op, at);
    if (!target) return;
    const isPost = HEAD_ROLE[target.unit.kind] === op.role;
    const post = new Set([op.role, ...(isPost ? (POST_COMPANIONS[op.role] ?? []) : [])]);
    const previous = new Set(
      this.memberships.filter((m) => m.role === op.role && m.unit === op.unit).map((m) => m.username),
    );
    this.memberships = this.memberships.filter((m) => {
      if (m.unit !== op.unit) return true;
      if (m.username === op.username) return !isPost || post.has(m.role);
      return !(post.has(m.role) && (m.role === op.role || previous.has(m.username)));
    });
    for (const role of post) {
      if (!this.memberships.some((m) => m.username === op.username && m.role === role && m.unit === op.unit))
        this.memberships.push({ username: op.username, role, unit: op.unit });
    }
  }

  private contractTarget(op: { contractor: Contractor; unit: string }, at: string): boolean {
    const unit = this.needUnit(op.unit, `${at}/unit`);
    if ('user' in op.contractor) {
      const user = this.needUser(op.contractor.user, `${at}/contractor/user`);
      if (!user || !unit || !this.checkActive(user, `${at}/contractor/user`)) return false;
      if (USER_CONTRACTED_KINDS.includes(unit.kind)) return true;
      return this.refuse(
        `${at}/unit`,
        'contract-kind',
        `个人不能承包${kindText(unit.kind)['zh-CN']}`,
        `A person cannot contract a ${kindText(unit.kind).en}`,
      );
    }
    const by = this.needUnit(op.contractor.unit, `${at}/contractor/unit`);
    if (!by || !unit) return false;
    const allowed = CONTRACTOR_UNIT_KINDS[unit.kind] ?? [];
    if (by.id !== unit.id && allowed.includes(by.kind)) return true;
    return this.refuse(
      `${at}/contractor/unit`,
      'contract-kind',
      `${kindText(by.kind)['zh-CN']}不能承包${kindText(unit.kind)['zh-CN']}`,
      `A ${kindText(by.kind).en} cannot contract a ${kindText(unit.kind).en}`,
    );
  }

  private addContract(op: Extract<DirectoryOp, { op: 'addContract' }>, at: string): void {
    if (!this.contractTarget(op, at)) return;
    if (this.contracts.some((c) => sameContractor(c.contractor, op.contractor) && c.unit === op.unit)) {
      this.refuse(
        at,
        'duplicate-contract',
        `“${contractorText(op.contractor)}”已承包“${op.unit}”`,
        `"${contractorText(op.contractor)}" already contracts "${op.unit}"`,
      );
      return;
    }
    this.contracts.push({ contractor: { ...op.contractor }, unit: op.unit });
  }

  private removeContract(op: Extract<DirectoryOp, { op: 'removeContract' }>, at: string): void {
    const before = this.contracts.length;
    this.contracts = this.contracts.filter(
      (c) => !(sameContractor(c.contractor, op.contractor) && c.unit === op.unit),
    );
    if (this.contracts.length === before) {
      this.refuse(
        at,
        'no-such-contract',
        `“${contractorText(op.contractor)}”并未承包“${op.unit}”`,
        `"${contractorText(op.contractor)}" does not contract "${op.unit}"`,
      );
    }
  }
}

function sameContractor(a: Contractor, b: Contractor): boolean {
  return 'user' in a ? 'user' in b && a.user === b.user : 'unit' in b && a.unit === b.unit;
}
