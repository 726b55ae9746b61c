/**
 * The directory held in memory, built from a seed: what tests, the demo and a single-process server
 * use, with the mutators that directory-change actions call.
 */
import type { Directory, DirectoryUnit, DirectoryUser, RoleInUnit } from './directory';
import { DirectoryError } from './directory-error';
import type { Contractor, DirectorySeed, SeedContract } from './directory-seed';
import { validateDirectorySeed } from './seed-validation';
import { deriveSuperior } from './unit-heads';

interface Membership extends RoleInUnit {
  username: string;
}

const uniqueSorted = (names: Iterable<string>): string[] => [...new Set(names)].sort();

/** A `Directory` over a validated seed; the constructor throws `DirectoryError` listing every problem. */
export class InMemoryDirectory implements Directory {
  private readonly userMap = new Map<string, DirectoryUser>();
  private readonly unitMap = new Map<string, DirectoryUnit>();
  private memberships: Membership[];
  private readonly contracts: SeedContract[];

  constructor(seed: DirectorySeed) {
    const problems = validateDirectorySeed(seed);
    if (problems.length > 0) {
      throw new DirectoryError('invalid-seed', `invalid directory seed: ${problems.join('; ')}`, problems);
    }
    for (const u of seed.users) {
      const user: DirectoryUser = {
        username: u.username,
        displayName: { ...u.displayName },
        disabled: !!u.disabled,
      };
      if (u.superior) user.superior = u.superior;
      this.userMap.set(u.username, user);
    }
    for (const u of seed.units) {
      this.unitMap.set(u.id, { id: u.id, kind: u.kind, name: { ...u.name }, parent: u.parent ?? null });
    }
    this.memberships = seed.memberships.map((m) => ({ username: m.username, role: m.role, unit: m.unit }));
    this.contracts = seed.contracts.map((c) => ({ contractor: { ...c.contractor }, unit: c.unit }));
  }

  user(username: string): DirectoryUser | undefined {
    const user = this.userMap.get(username);
    return user && { ...user, displayName: { ...user.displayName } };
  }

  unit(id: string): DirectoryUnit | undefined {
    const unit = this.unitMap.get(id);
    return unit && { ...unit, name: { ...unit.name } };
  }

  holders(role: string, unitId: string): string[] {
    return uniqueSorted(
      this.memberships
        .filter((m) => m.role === role && m.unit === unitId && this.isActive(m.username))
        .map((m) => m.username),
    );
  }

  rolesOf(username: string): RoleInUnit[] {
    const seen = new Set<string>();
    return this.memberships
      .filter(
        (m) => m.username === username && !seen.has(`${m.role}@${m.unit}`) && seen.add(`${m.role}@${m.unit}`),
      )
      .map((m) => ({ role: m.role, unit: m.unit }));
  }

  contractorsOf(unitId: string): Contractor[] {
    return this.contracts.filter((c) => c.unit === unitId).map((c) => ({ ...c.contractor }));
  }

  /** Explicit superior when set and active; otherwise `deriveSuperior` (nearest head above the user). */
  superiorOf(username: string): string | undefined {
    const explicit = this.userMap.get(username)?.superior;
    if (explicit && this.isActive(explicit)) return explicit;
    return this.userMap.has(username) ? deriveSuperior(this, username) : undefined;
  }

  administrators(): string[] {
    return uniqueSorted(
      this.memberships
        .filter((m) => m.role === 'administrator' && this.isActive(m.username))
        .map((m) => m.username),
    );
  }

  usernames(): string[] {
    return [...this.userMap.keys()].sort();
  }

  unitIds(): string[] {
    return [...this.unitMap.keys()];
  }

  roleNames(): string[] {
    return uniqueSorted(this.memberships.map((m) => m.role));
  }

  /** Makes `username` the only holder of `role` in `unitId` (e.g. a branch gets a new secretary). */
  setRoleHolder(role: string, unitId: string, username: string): void {
    this.requireKnown(unitId, username);
    this.memberships = this.memberships.filter((m) => !(m.role === role && m.unit === unitId));
    this.memberships.push({ username, role, unit: unitId });
  }

  /** Adds a holder beside the current ones (a new worker representative). */
  addRoleHolder(role: string, unitId: string, username: string): void {
    this.requireKnown(unitId, username);
    if (!this.memberships.some((m) => m.role === role && m.unit === unitId && m.username === username)) {
      this.memberships.push({ username, role, unit: unitId });
    }
  }

  /** Removes one holder of a role in a unit; a no-op when they did not hold it. */
  removeRoleHolder(role: string, unitId: string, username: string): void {
    this.memberships = this.memberships.filter(
      (m) => !(m.role === role && m.unit === unitId && m.username === username),
    );
  }

  /** Disables or re-enables a user; disabled users keep their roles but never get or act on tasks. */
  setDisabled(username: string, disabled: boolean): void {
    this.requireKnown(undefined, username);
    this.userMap.get(username)!.disabled = disabled;
  }

  /** The current state as a seed, for persisting or re-creating the directory. */
  toSeed(): DirectorySeed {
    return {
      users: [...this.userMap.values()].map((u) => ({
        username: u.username,
        displayName: { ...u.displayName },
        ...(u.superior ? { superior: u.superior } : {}),
        disabled: u.disabled,
      })),
      units: [...this.unitMap.values()].map((u) => ({ ...u, name: { ...u.name } })),
      memberships: this.memberships.map((m) => ({ ...m })),
      contracts: this.contracts.map((c) => ({ contractor: { ...c.contractor }, unit: c.unit })),
    };
  }

  private isActive(username: string): boolean {
    const user = this.userMap.get(username);
    return !!user && !user.disabled;
  }

  private requireKnown(unitId: string | undefined, username: string): void {
    if (unitId !== undefined && !this.unitMap.has(unitId)) {
      throw new DirectoryError('unknown-unit', `unknown unit "${unitId}"`);
    }
    if (!this.userMap.has(username)) throw new DirectoryError('unknown-user', `unknown user "${username}"`);
  }
}
