import type { DirectoryOp, Organisation } from '@flowform/api';
import { readDirectorySeed } from '@flowform/runtime';
import { isoTime } from '../database/iso-time';
import type { ServerContext } from '../server-context';

/** The whole organisation as the administration shows it, at its current version. */
export async function readOrganisation(ctx: ServerContext): Promise<Organisation> {
  const { seed, version } = await readDirectorySeed(ctx.runtime.db);
  return {
    version,
    units: seed.units.map((u) => ({ id: u.id, kind: u.kind, name: u.name, parent: u.parent ?? null })),
    people: seed.users.map((u) => ({
      username: u.username,
      displayName: u.displayName,
      phone: u.phone ?? null,
      active: !u.disabled,
      superior: u.superior ?? null,
    })),
    memberships: seed.memberships,
    contracts: seed.contracts,
  };
}

type Source = 'change' | 'import' | 'seed' | 'process';

/** One recorded directory change, without or with its operations. */
export interface VersionEntry {
  version: string;
  changedBy: string | null;
  changedAt: string;
  source: Source;
  comment: string | null;
  opCount: number;
}

const entry = (r: {
  version: string;
  changed_by: string | null;
  changed_at: Date;
  source: string;
  comment: string | null;
  ops: unknown[];
}): VersionEntry => ({
  version: String(r.version),
  changedBy: r.changed_by,
  changedAt: isoTime(r.changed_at),
  source: r.source as Source,
  comment: r.comment,
  opCount: r.ops.length,
});

/** The change history, newest first. */
export async function listVersions(
  ctx: ServerContext,
  limit: number,
  before?: string,
): Promise<VersionEntry[]> {
  let query = ctx.db.selectFrom('directory_changes').selectAll().orderBy('version', 'desc').limit(limit);
  if (before !== undefined) query = query.where('version', '<', before);
  return (await query.execute()).map(entry);
}

/** One version with its operations, or undefined. */
export async function readVersion(
  ctx: ServerContext,
  version: string,
): Promise<(VersionEntry & { ops: DirectoryOp[] }) | undefined> {
  const row = await ctx.db
    .selectFrom('directory_changes')
    .selectAll()
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { ...entry(row), ops: row.ops as DirectoryOp[] };
}
