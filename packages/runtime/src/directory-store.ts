import type { DirectoryOp, DirectorySeed } from '@flowform/engine';
import {
  applyDirectoryOps,
  DirectoryError,
  InMemoryDirectory,
  parentsFirst,
  withDerivedSuperiors,
} from '@flowform/engine';
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database } from './database/db-schema';
import { RuntimeError } from './runtime-error';

/** Reads the directory tables into the in-memory directory the pure step needs. */
export async function loadDirectory(
  db: Kysely<Database>,
): Promise<{ directory: InMemoryDirectory; version: string }> {
  const { seed, version } = await readDirectorySeed(db);
  return { directory: new InMemoryDirectory(seed), version };
}

/** The directory tables as a seed (plain data), with their version. */
export async function readDirectorySeed(
  db: Kysely<Database>,
): Promise<{ seed: DirectorySeed; version: string }> {
  const [meta, users, units, memberships, contracts] = await Promise.all([
    db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow(),
    db
      .selectFrom('directory_users')
      .select(['username', 'display_name', 'superior', 'disabled', 'phone'])
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
      ...(u.phone ? { phone: u.phone } : {}),
    })),
    units: parentsFirst(units).map((u) => ({
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

/** A person's directory row, as a full replace and a change both write it. */
const userRow = (u: DirectorySeed['users'][number]) => ({
  username: u.username,
  display_name: JSON.stringify(u.displayName),
  superior: u.superior ?? null,
  disabled: u.disabled ?? false,
  phone: u.phone ?? null,
});

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
        .values(seed.users.map((u) => ({ ...userRow(u), password_hash: passwordHash?.(u.username) ?? null })))
        .execute();
    }
    for (const unit of parentsFirst(seed.units.map((u) => ({ ...u, parent: u.parent ?? null })))) {
      await trx
        .insertInto('directory_units')
        .values({ id: unit.id, kind: unit.kind, name: JSON.stringify(unit.name), parent: unit.parent })
        .execute();
    }
    await insertRelations(trx, seed);
    const version = await bumpVersion(trx);
    await trx
      .insertInto('directory_changes')
      .values({ version, changed_by: null, source: 'seed', comment: null, ops: '[]' })
      .execute();
  });
}

/**
 * "The branch's secretary becomes X" (a process's directory change): the role in the unit now has
 * exactly this holder, applied as a directory change like any other (the post's companion roles
 * move with it, superiors are derived again), recorded as coming from a process.
 */
export async function setRoleHolder(
  db: Kysely<Database>,
  role: string,
  unit: string,
  username: string,
): Promise<void> {
  const { seed, version } = await readDirectorySeed(db);
  const ops: DirectoryOp[] = [{ op: 'setRoleHolder', role, unit, username }];
  const { seed: next, issues } = applyDirectoryOps(seed, ops);
  if (issues.length > 0) {
    const problems = issues.map((i) => `${i.path}: ${i.message.en}`);
    throw new DirectoryError('invalid-seed', problems.join('; '), problems);
  }
  await commitDirectory(db, next, { expectedVersion: version, by: null, source: 'process', ops });
}

/** A directory change to record: who, from where, and its operations. */
export interface DirectoryChangeRecord {
  /** Refuse (RuntimeError `conflict`) when the directory moved past this version meanwhile. */
  expectedVersion?: string;
  by: string | null;
  source: 'change' | 'import' | 'seed' | 'process';
  comment?: string | null;
  ops: readonly DirectoryOp[];
}

/**
 * Writes `seed` as the next directory version, in one transaction: the tables (passwords kept),
 * every superior derived again from the tree and role holders, the version bumped with its history
 * and the change recorded; `also` runs in the same transaction (the caller's audit row). Answers
 * the new version.
 */
export async function commitDirectory(
  db: Kysely<Database>,
  seed: DirectorySeed,
  change: DirectoryChangeRecord,
  also?: (trx: Transaction<Database>, version: string) => Promise<void>,
): Promise<string> {
  const derived = withDerivedSuperiors(seed);
  return db.transaction().execute(async (trx) => {
    const meta = await sql<{
      version: string;
    }>`select version::text as version from directory_meta where id = 1 for update`.execute(trx);
    const current = meta.rows[0]!.version;
    if (change.expectedVersion !== undefined && change.expectedVersion !== current) {
      throw new RuntimeError(
        'conflict',
        `The directory is at version ${current}, not ${change.expectedVersion}`,
      );
    }
    await syncTables(trx, derived);
    const version = await bumpVersion(trx);
    await trx
      .insertInto('directory_changes')
      .values({
        version,
        changed_by: change.by,
        source: change.source,
        comment: change.comment ?? null,
        ops: JSON.stringify(change.ops),
      })
      .execute();
    await also?.(trx, version);
    return version;
  });
}

/** Makes the tables hold exactly `seed`; people not in it stay (never deleted), units not in it go. */
async function syncTables(trx: Transaction<Database>, seed: DirectorySeed): Promise<void> {
  await trx.deleteFrom('directory_contracts').execute();
  await trx.deleteFrom('directory_memberships').execute();
  if (seed.users.length > 0) {
    await trx
      .insertInto('directory_users')
      .values(seed.users.map((u) => ({ ...userRow(u), password_hash: null })))
      .onConflict((oc) =>
        oc.column('username').doUpdateSet((eb) => ({
          display_name: eb.ref('excluded.display_name'),
          superior: eb.ref('excluded.superior'),
          disabled: eb.ref('excluded.disabled'),
          phone: eb.ref('excluded.phone'),
        })),
      )
      .execute();
  }
  await sql`update directory_units set parent = null`.execute(trx);
  const keep = seed.units.map((u) => u.id);
  await (keep.length > 0
    ? trx.deleteFrom('directory_units').where('id', 'not in', keep)
    : trx.deleteFrom('directory_units')
  ).execute();
  if (seed.units.length > 0) {
    await trx
      .insertInto('directory_units')
      .values(seed.units.map((u) => ({ id: u.id, kind: u.kind, name: JSON.stringify(u.name), parent: null })))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name') })),
      )
      .execute();
  }
  const parented = seed.units.filter((u) => u.parent);
  if (parented.length > 0) {
    const pairs = sql.join(parented.map((u) => sql`(${u.id}, ${u.parent})`));
    await sql`update directory_units as d set parent = v.parent from (values ${pairs}) as v(id, parent) where d.id = v.id`.execute(
      trx,
    );
  }
  await insertRelations(trx, seed);
}

/** The seed's role memberships and 承包 contracts, into tables emptied before. */
async function insertRelations(trx: Transaction<Database>, seed: DirectorySeed): Promise<void> {
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
}

/**
 * Every runtime process compares this version on each command and reloads when it moved. The new
 * directory is kept in the history under its version, in the same transaction, for replay.
 */
async function bumpVersion(trx: Transaction<Database>): Promise<string> {
  await sql`update directory_meta set version = version + 1 where id = 1`.execute(trx);
  const { seed, version } = await readDirectorySeed(trx);
  await trx
    .insertInto('directory_history')
    .values({ version, seed: JSON.stringify(seed) })
    .execute();
  return version;
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
