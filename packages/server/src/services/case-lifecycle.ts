import type { AdminCaseItem } from '@flowform/api';
import {
  type CaseLifecycle,
  type CaseSnapshot,
  type CompiledDefinition,
  compileBundle,
  type Directory,
  lifecycleView,
} from '@flowform/engine';
import {
  type CommandOutcome,
  decodeListCursor,
  encodeListCursor,
  type ExecuteOptions,
} from '@flowform/runtime';
import { sql } from 'kysely';
import type { AuthUser } from '../http/app-env';
import { problems } from '../http/problem';
import type { ServerContext } from '../server-context';

type Status = AdminCaseItem['status'];

/** The administrators' list filters (see `caseLifecycleContract.list`). */
export interface AdminCaseQuery {
  definitionKey?: string;
  status?: Status;
  unit?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

type Row = {
  id: string;
  definition_key: string;
  definition_version: number;
  case_number: string | null;
  snapshot: unknown;
  started_at: Date;
};

const MAX_SCAN = 1000;

/**
 * Runs 挂起 / 恢复 / 取消 on a case for its lifecycle: a case the caller may open, or — for an
 * administrator — any case, a confidential one break-glass (the engine's `lifecycleView`: nothing
 * of its data is read out, and the answer carries only ids and the status). Others get 404.
 */
export async function runLifecycleCommand(
  ctx: ServerContext,
  user: AuthUser,
  instanceId: string,
  command: { type: 'suspend' | 'resume'; reason: string } | { type: 'cancel'; reason?: string },
  options: ExecuteOptions,
): Promise<CommandOutcome> {
  const row = await ctx.db
    .selectFrom('instances')
    .select(['snapshot', 'definition_key', 'definition_version'])
    .where('id', '=', instanceId)
    .executeTakeFirst();
  const snapshot = row?.snapshot as CaseSnapshot | null | undefined;
  if (!row || !snapshot) throw problems.notFound('No such case');
  const compiled = compileBundle(
    await ctx.runtime.definitions.get(row.definition_key, row.definition_version),
  );
  if (!lifecycleView(compiled, snapshot, user.username, user.directory))
    throw problems.notFound('No such case');
  return ctx.runtime.execute(instanceId, command, { username: user.username }, options);
}

/**
 * 所有案件: every case newest first for an administrator, filtered by process, status (a suspended
 * case is `suspended`, not `running`), unit and start date, with a keyset cursor. A break-glass
 * case shows only its lifecycle; a unit filter never matches one (its unit is not shown, so its
 * presence must not reveal it either).
 */
export async function listAdminCases(
  ctx: ServerContext,
  user: AuthUser,
  query: AdminCaseQuery,
): Promise<{ items: AdminCaseItem[]; nextCursor?: string }> {
  let cursor = decodeListCursor(query.cursor);
  const items: AdminCaseItem[] = [];
  const compile = compiler(ctx);
  let scanned = 0;
  for (;;) {
    const batch = await page(ctx, query, query.limit + 1, cursor);
    for (const row of batch) {
      scanned += 1;
      cursor = { at: new Date(row.started_at).toISOString(), id: row.id };
      const compiled = await compile(row);
      const seen = row.snapshot
        ? lifecycleView(compiled, row.snapshot as CaseSnapshot, user.username, user.directory)
        : undefined;
      if (!seen) continue;
      if (query.unit && seen.caseUnit !== query.unit) continue;
      if (items.length === query.limit) {
        const last = items.at(-1)!;
        return { items, nextCursor: encodeListCursor({ at: last.startedAt, id: last.id }) };
      }
      items.push(toItem(row, compiled, seen, user.directory));
    }
    if (batch.length <= query.limit) return { items };
    if (scanned >= MAX_SCAN) return { items, nextCursor: encodeListCursor(cursor!) };
  }
}

function page(
  ctx: ServerContext,
  query: AdminCaseQuery,
  n: number,
  cursor: { at: string; id: string } | undefined,
) {
  const suspended = sql<boolean>`i.snapshot -> 'suspension' is not null`;
  let q = ctx.db
    .selectFrom('instances as i')
    .select([
      'i.id',
      'i.definition_key',
      'i.definition_version',
      'i.case_number',
      'i.snapshot',
      'i.started_at',
    ])
    .orderBy('i.started_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(n);
  if (cursor) q = q.where(sql<boolean>`(i.started_at, i.id) < (${cursor.at}::timestamptz, ${cursor.id})`);
  if (query.definitionKey) q = q.where('i.definition_key', '=', query.definitionKey);
  if (query.status === 'suspended') q = q.where('i.status', '=', 'running').where(suspended);
  else if (query.status === 'running')
    q = q.where('i.status', '=', 'running').where(sql<boolean>`not (${suspended})`);
  else if (query.status) q = q.where('i.status', '=', query.status);
  // The unit is filtered in SQL to narrow the scan, and again on the view (hidden units never match).
  if (query.unit) q = q.where(sql<boolean>`i.snapshot ->> 'caseUnit' = ${query.unit}`);
  if (query.from) q = q.where(sql<boolean>`i.started_at >= ${query.from}::timestamptz`);
  if (query.to) q = q.where(sql<boolean>`i.started_at < ${endOf(query.to)}::timestamptz`);
  return q.execute() as Promise<Row[]>;
}

/** A day `to` includes the whole day; an instant is exclusive. */
function endOf(to: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(to)) return to;
  return new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString();
}

function compiler(ctx: ServerContext): (row: Row) => Promise<CompiledDefinition> {
  const cache = new Map<string, CompiledDefinition>();
  return async (row) => {
    const key = `${row.definition_key}@${row.definition_version}`;
    let compiled = cache.get(key);
    if (!compiled) {
      compiled = compileBundle(await ctx.runtime.definitions.get(row.definition_key, row.definition_version));
      cache.set(key, compiled);
    }
    return compiled;
  };
}

function toItem(
  row: Row,
  compiled: CompiledDefinition,
  seen: CaseLifecycle,
  directory: Directory,
): AdminCaseItem {
  const unit = seen.caseUnit ? directory.unit(seen.caseUnit) : undefined;
  const status: Status = seen.status === 'running' && seen.suspension ? 'suspended' : seen.status;
  return {
    id: row.id,
    access: seen.access,
    definitionKey: seen.definitionKey,
    definitionName: compiled.definition.name,
    definitionVersion: seen.definitionVersion,
    // A number may carry the unit's code: a break-glass case is known by its id alone.
    caseNumber: seen.access === 'view' ? row.case_number : null,
    status,
    outcome: seen.outcome ?? null,
    suspension: seen.suspension ?? null,
    states: seen.states.map((id) => {
      const def = compiled.index.get(id)?.def;
      return def?.name ?? def?.task?.title ?? { 'zh-CN': id, en: id };
    }),
    openTasks: seen.openTasks,
    initiator: seen.initiator ?? null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    startedAt: seen.startedAt,
    endedAt: seen.endedAt ?? null,
  };
}
