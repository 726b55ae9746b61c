import type { DirectorySeed } from '@flowform/engine';
import { InMemoryDirectory } from '@flowform/engine';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './database/db-schema';

/** Reads the directory tables into the in-memory directory the pure step needs. */
export async function loadDirectory(
  db: Kysely<Database>,
): Promise<{ directory: InMemoryDirectory; version: string }> {
  const { seed, version } = await readDirectorySeed(db);
  return { directory: new InMemoryDirectory(seed), version };
}

/** The directory tables as a seed (plain data), with their version. */
async function readDirectorySeed(db: Kysely<Database>): Promise<{ seed: DirectorySeed; version: string }> {
  const [meta, users, units, memberships, contracts] = await Promise.all([
    db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow(),
    db
      .selectFrom('directory_users')
      .select(['username', 'display_name', 'superior', 'disabled'])
      .orderBy('username')
      .execute(),
    db.selectFrom('directory_units').select(['id', 'kind', 'name', 'parent']).orderBy('id').execute(),
    db
      .selectFrom('directory_memberships')
      .selectAll()
      .orderBy('username')
      .orderBy('role')
      .orderBy('unit')
      .execute(),
    db.selectFrom('directory_contracts').selectAll().execute(),
  ]);
  const seed: DirectorySeed = {
    users: users.map((u) => ({
      username: u.username,
      displayName: u.display_name,
      superior: u.superior,
      disabled: u.disabled,
    })),
    units: sortParentsFirst(units).map((u) => ({
      id: u.id,
      kind: u.kind as never,
      name: u.name,
      parent: u.parent,
    })),
    memberships,
    contracts: contracts.map((c) => ({
      contractor: c.contractor_user ? { user: c.contractor_user } : { unit: c.contractor_unit! },
      unit: c.unit,
    })),
  };
  return { seed, version: String(meta.version) };
}

function sortParentsFirst<T extends { id: string; parent: string | null }>(units: T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (u: T) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    if (u.parent && byId.has(u.parent)) visit(byId.get(u.parent)!);
    out.push(u);
  };
  for (const u of units) visit(u);
  return out;
}

/** Replaces the whole directory (demo seed, tests) and bumps its version. */
export async function replaceDirectory(
  db: Kysely<Database>,
  seed: DirectorySeed,
  passwordHash?: (username: string) => string | null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('directory_contracts').execute();
    await trx.deleteFrom('directory_memberships').execute();
    await sql`update directory_units set parent = null`.execute(trx);
    await trx.deleteFrom('directory_units').execute();
    await trx.deleteFrom('directory_users').execute();
    if (seed.users.length > 0) {
      await trx
        .insertInto('directory_users')
        .values(
          seed.users.map((u) => ({
            username: u.username,
            display_name: JSON.stringify(u.displayName),
            superior: u.superior ?? null,
            disabled: u.disabled ?? false,
            password_hash: passwordHash?.(u.username) ?? null,
          })),
        )
        .execute();
    }
    for (const unit of sortParentsFirst(seed.units.map((u) => ({ ...u, parent: u.parent ?? null })))) {
      await trx
        .insertInto('directory_units')
        .values({ id: unit.id, kind: unit.kind, name: JSON.stringify(unit.name), parent: unit.parent })
        .execute();
    }
    if (seed.memberships.length > 0)
      await trx.insertInto('directory_memberships').values(seed.memberships).execute();
    if (seed.contracts.length > 0) {
      await trx
        .insertInto('directory_contracts')
        .values(
          seed.contracts.map((c) => ({
            contractor_user: 'user' in c.contractor ? c.contractor.user : null,
            contractor_unit: 'unit' in c.contractor ? c.contractor.unit : null,
            unit: c.unit,
          })),
        )
        .execute();
    }
    await bumpVersion(trx);
  });
}

/** "The branch's secretary becomes X": the role in the unit now has exactly this holder. */
export async function setRoleHolder(
  db: Kysely<Database>,
  role: string,
  unit: string,
  username: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('directory_memberships').where('role', '=', role).where('unit', '=', unit).execute();
    await trx.insertInto('directory_memberships').values({ username, role, unit }).execute();
    await bumpVersion(trx);
  });
}

/**
 * Every runtime process compares this version on each command and reloads when it moved. The new
 * directory is kept in the history under its version, in the same transaction, for replay.
 */
async function bumpVersion(trx: Transaction<Database>): Promise<void> {
  await sql`update directory_meta set version = version + 1 where id = 1`.execute(trx);
  const { seed, version } = await readDirectorySeed(trx);
  await trx
    .insertInto('directory_history')
    .values({ version, seed: JSON.stringify(seed) })
    .execute();
}

/**
 * The directories of the given versions as they were, from the history; a version without a
 * record (changed before the history existed) is left out.
 */
export async function directoriesAt(
  db: Kysely<Database>,
  versions: readonly string[],
): Promise<Map<string, InMemoryDirectory>> {
  const found = new Map<string, InMemoryDirectory>();
  if (versions.length === 0) return found;
  const rows = await db
    .selectFrom('directory_history')
    .select(['version', 'seed'])
    .where('version', 'in', [...new Set(versions)])
    .execute();
  for (const row of rows) found.set(String(row.version), new InMemoryDirectory(row.seed));
  return found;
}
