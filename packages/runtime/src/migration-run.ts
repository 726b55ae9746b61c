import {
  type Actor,
  type CaseMapping,
  type CaseSnapshot,
  type Command,
  checkMapping,
  compileBundle,
  type DefinitionBundle,
  type LintProblem,
  StepError,
  type StepErrorCode,
  statesOf,
  step,
  type WhatIfVerdict,
} from '@flowform/engine';
import { sql } from 'kysely';
import { canonicalJson, GENESIS_HASH, sha256Hex } from './audit-chain';
import { headText } from './audit-key';
import type { CaseRuntime } from './case-runtime';
import { computeChangeSet } from './change-set';
import { whatIfCases } from './what-if-check';
import { writeChangeSets } from './writes/write-statement';

/** What an administrator asks for: move the running cases of `key` from one version to another. */
export interface MigrationPlan {
  key: string;
  from: number;
  to: number;
  states: Record<string, string>;
  votes?: Record<string, 'carry' | 'restart'>;
  /** Only these cases (of version `from`); all running ones when left out. */
  instanceIds?: readonly string[];
  actor: string;
}

/** One case's answer: where it moves (or moved), the tasks it gets, or why it cannot. */
export interface MigrationCaseReport {
  instanceId: string;
  status: 'moved' | 'refused' | 'skipped';
  from: string[];
  to?: string[];
  /** The open tasks after the move: state and who holds or is offered each. */
  tasks?: { stateId: string; assignee?: string; users: string[]; roles: { role: string; unit: string }[] }[];
  code?: StepErrorCode | 'changed';
  message?: string;
  /** Dry run only: what the case's history would have done on the new version. */
  whatIf?: WhatIfVerdict;
}

/** A dry run's or a migration's answer; with problems, nothing was tried. */
export interface MigrationReport {
  mapping: CaseMapping;
  problems: LintProblem[];
  cases: MigrationCaseReport[];
}

/**
 * Dry run: checks the mapping, then moves each case on a copy (the pure `migrate` step on the new
 * version) and replays its history on the new version (what-if). Changes nothing.
 */
export async function dryRunMigration(runtime: CaseRuntime, plan: MigrationPlan): Promise<MigrationReport> {
  const { mapping, problems, to } = await prepare(runtime, plan);
  if (problems.length > 0) return { mapping, problems, cases: [] };
  const now = await runtime.currentTime();
  const directory = await runtime.directoryAt();
  const rows = await casesOf(runtime, plan);
  const whatIfs = new Map(
    (
      await whatIfCases(
        runtime,
        to,
        rows.map((r) => r.id),
      )
    ).map((w) => [w.instanceId, w.result]),
  );
  const cases = rows.map((row): MigrationCaseReport => {
    const snapshot = row.snapshot as CaseSnapshot;
    const moved = tryMove(to, snapshot, command(plan, mapping), plan.actor, now, directory);
    return { ...moved, whatIf: whatIfs.get(row.id) };
  });
  return { mapping, problems, cases };
}

/**
 * Applies a mapping: each running case of version `from` moves in its own transaction — the
 * `migrate` step on the new version, its rows (old tasks closed as `migrated`, new tasks, timers,
 * the audit row naming the mapping, the chain head) and the case's version — or not at all.
 */
export async function applyMigration(runtime: CaseRuntime, plan: MigrationPlan): Promise<MigrationReport> {
  const { mapping, problems, from, to } = await prepare(runtime, plan);
  if (problems.length > 0) return { mapping, problems, cases: [] };
  const compiled = compileBundle(to);
  const compiledBefore = compileBundle(from);
  const cases: MigrationCaseReport[] = [];
  const meta = await runtime.db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow();
  const dirVersion = String(meta.version);
  const directory = await runtime.directoryAt(dirVersion);
  for (const { id } of await casesOf(runtime, plan)) {
    const report = await runtime.db.transaction().execute(async (trx) => {
      const read = await sql<CaseRead>`
        select i.snapshot, i.version, i.definition_version, i.status,
          (select a.hash from audit_log a where a.instance_id = i.id order by a.seq desc limit 1) as prev_hash
        from instances i where i.id = ${id} for update`.execute(trx);
      const row = read.rows[0];
      if (row?.status !== 'running' || row.definition_version !== plan.from)
        return {
          instanceId: id,
          status: 'skipped',
          from: [],
          code: 'changed',
          message: 'The case ended or moved meanwhile',
        } satisfies MigrationCaseReport;
      const now = await runtime.currentTime(trx);
      const cmd = command(plan, mapping);
      let result: ReturnType<typeof step>;
      try {
        result = step(to, row.snapshot, cmd, {
          now,
          actor: migrator(plan.actor),
          directory,
          locale: 'zh-CN',
        });
      } catch (error) {
        if (error instanceof StepError) return refused(row.snapshot, error);
        throw error;
      }
      const change = computeChangeSet({
        compiled,
        compiledBefore,
        before: row.snapshot,
        result,
        command: cmd,
        prevHash: row.prev_hash ?? GENESIS_HASH,
        now,
        directoryVersion: dirVersion,
        directory,
      });
      const key = runtime.auditKey;
      const audit = change.audit;
      const written = await writeChangeSets(trx, [
        {
          change,
          head: { kind: 'update' },
          idempotency: undefined,
          ...(key && {
            anchor: { mac: key.mac(headText(audit.instance_id, audit.seq, audit.hash)), keyId: key.id },
          }),
        },
      ]);
      if (!written.has(id)) throw new Error(`case ${id} changed during its migration`);
      await trx.updateTable('instances').set({ definition_version: plan.to }).where('id', '=', id).execute();
      return movedReport(row.snapshot, result.snapshot);
    });
    cases.push(report);
  }
  return { mapping, problems, cases };
}

/**
 * The administrator who migrates, acting as the system does (a child case started on its parent's
 * behalf does the same): the audit row names them, but they do not become a participant of every
 * case they move.
 */
function migrator(username: string): Actor {
  return { username, system: true };
}

/** A case as a migration reads it, locked for its transaction. */
interface CaseRead {
  snapshot: CaseSnapshot;
  version: number;
  definition_version: number;
  status: string;
  prev_hash: string | null;
}

/** The mapping's name: the process, the versions and a digest of what it maps. */
export function mappingId(plan: Pick<MigrationPlan, 'key' | 'from' | 'to' | 'states' | 'votes'>): string {
  const digest = sha256Hex(canonicalJson({ states: plan.states, votes: plan.votes ?? {} })).slice(0, 12);
  return `${plan.key}@${plan.from}->${plan.to}#${digest}`;
}

async function prepare(runtime: CaseRuntime, plan: MigrationPlan) {
  const from = await runtime.definitions.get(plan.key, plan.from);
  const to = await runtime.definitions.get(plan.key, plan.to);
  const mapping: CaseMapping = {
    id: mappingId(plan),
    states: plan.states,
    ...(plan.votes && Object.keys(plan.votes).length > 0 ? { votes: plan.votes } : {}),
  };
  return { mapping, problems: checkMapping(from, to, plan), from, to };
}

function command(plan: MigrationPlan, mapping: CaseMapping): Command {
  return { type: 'migrate', from: plan.from, to: plan.to, mapping };
}

async function casesOf(runtime: CaseRuntime, plan: MigrationPlan) {
  let query = runtime.db
    .selectFrom('instances')
    .select(['id', 'snapshot'])
    .where('definition_key', '=', plan.key)
    .where('definition_version', '=', plan.from)
    .where('status', '=', 'running')
    .orderBy('started_at')
    .orderBy('id');
  if (plan.instanceIds) {
    if (plan.instanceIds.length === 0) return [];
    query = query.where('id', 'in', [...plan.instanceIds]);
  }
  return query.execute();
}

function tryMove(
  to: DefinitionBundle,
  snapshot: CaseSnapshot,
  cmd: Command,
  actor: string,
  now: string,
  directory: Awaited<ReturnType<CaseRuntime['directoryAt']>>,
): MigrationCaseReport {
  try {
    const result = step(to, snapshot, cmd, { now, actor: migrator(actor), directory, locale: 'zh-CN' });
    return movedReport(snapshot, result.snapshot);
  } catch (error) {
    if (error instanceof StepError) return refused(snapshot, error);
    throw error;
  }
}

function movedReport(before: CaseSnapshot, after: CaseSnapshot): MigrationCaseReport {
  return {
    instanceId: before.instanceId,
    status: 'moved',
    from: statesOf(before),
    to: statesOf(after),
    tasks: after.tasks.map((t) => ({
      stateId: t.stateId,
      ...(t.assignee ? { assignee: t.assignee } : {}),
      users: t.candidates.users,
      roles: t.candidates.roles,
    })),
  };
}

function refused(snapshot: CaseSnapshot, error: StepError): MigrationCaseReport {
  return {
    instanceId: snapshot.instanceId,
    status: 'refused',
    from: statesOf(snapshot),
    code: error.code,
    message: error.message,
  };
}
