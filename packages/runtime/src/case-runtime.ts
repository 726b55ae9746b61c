import { randomUUID } from 'node:crypto';
import type {
  Actor,
  CaseSnapshot,
  Command,
  DefinitionBundle,
  Effect,
  FormValidator,
  InMemoryDirectory,
  Locale,
  WorkingCalendar,
} from '@flowform/engine';
import { compileBundle, refuseUnstorableText, StepError, step } from '@flowform/engine';
import { type Kysely, sql } from 'kysely';
import { GENESIS_HASH } from './audit-chain';
import { loadCalendar } from './calendar-store';
import { type AuditKey, headText } from './audit-key';
import type { WriteHead } from './case-write';
import { type ChangeSet, computeChangeSet } from './change-set';
import type { Database } from './database/db-schema';
import { DefinitionStore } from './definition-store';
import { loadDirectory } from './directory-store';
import { RuntimeError } from './runtime-error';
import { type CachedCase, SnapshotCache } from './snapshot-cache';
import { duplicateValueError, isUniqueValueViolation } from './unique-values';
import { WriteBatcher } from './write-batcher';
import { writeChangeSets } from './writes/write-statement';

/** How the runtime is wired: its database, and (in tests) a virtual clock. */
export interface RuntimeOptions {
  db: Kysely<Database>;
  /** Injected clock (tests). Without it, time is the database's `now()`, read with the case. */
  clock?: () => string;
  forms?: FormValidator;
  /** How many recently written cases to keep in memory (0: read every case from the database). */
  snapshotCache?: number;
  /**
   * How many write statements may run at once (default 2); commands arriving while they all run
   * are written together in the next one (write-batcher.ts).
   */
  writeConcurrency?: number;
  /** Called after every committed command, e.g. to wake the outbox worker. */
  onCommitted?: (instanceId: string, effects: Effect[]) => void;
  /**
   * The key that MACs each case's chain head (audit-key.ts), kept outside the database. Without
   * it heads are written unsigned, and `verify-audit` with a key reports them.
   */
  auditKey?: AuditKey;
}

/** What a committed (or idempotently replayed) command returns. */
export interface CommandOutcome {
  instanceId: string;
  version: number;
  status: CaseSnapshot['status'];
  /** Open task ids after the command. */
  tasks: string[];
  replayed: boolean;
}

/** Options of one command. */
export interface ExecuteOptions {
  idempotencyKey?: string;
  /**
   * The reader's language for every message the step words; the server passes the request's. A
   * caller with no reader (timers, the outbox, the CLI) leaves it out and gets {@link DEFAULT_LOCALE}.
   */
  locale?: Locale;
  /**
   * The case as the caller has just read it (snapshot, its last audit row's hash and time, and the
   * directory version of the request): used instead of this process's cached snapshot when newer
   * (another process wrote the case since), so the command is not first stepped on a stale
   * snapshot. Trusted no more than the cache: the write is guarded by the case and directory versions.
   */
  seen?: CachedCase;
}

/** A case start request; `instanceId` and `parent` are set when a parent starts a child. */
export interface StartRequest {
  definitionKey: string;
  definitionVersion?: number;
  data: Record<string, unknown>;
  actor: Actor;
  instanceId?: string;
  parent?: { instanceId: string; childId: string };
  /** A scheduled start (by the system): the schedule and the fire it is for. */
  schedule?: { id: string; fireAt: string };
}

/** The district's language, for commands no reader asked for. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** The local clock is re-synced with the database's by a real read at least this often. */
const CLOCK_RESYNC_MS = 10_000;

/** One command in flight. */
interface Run {
  command: Command;
  actor: Actor;
  options: ExecuteOptions;
  idem: string | undefined;
  fromCache: boolean;
}

interface ReadRow {
  snapshot: CaseSnapshot | null;
  version: number | null;
  definition_key: string | null;
  definition_version: number | null;
  prev_hash: string | null;
  dir_version: string;
  idem: CommandOutcome | null;
  latest: number | null;
  cal_version: number;
  db_now: Date;
}

/**
 * The durable runtime: load → pure step → one atomic write → after commit, effects to the outbox.
 * Nothing is ever half done; a stale version is a `conflict`; a retried idempotency key returns the
 * first result and writes nothing.
 */
export class CaseRuntime {
  readonly definitions: DefinitionStore;
  private directoryCache: { version: string; directory: InMemoryDirectory } | undefined;
  private calendarCache: WorkingCalendar | undefined;
  private readonly cache: SnapshotCache;
  private readonly batcher: WriteBatcher;
  private clockOffset = 0;
  private clockSyncedAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly opts: RuntimeOptions) {
    this.definitions = new DefinitionStore(opts.db);
    this.cache = new SnapshotCache(opts.snapshotCache ?? 10_000);
    this.batcher = new WriteBatcher((writes) => writeChangeSets(opts.db, writes), opts.writeConcurrency ?? 2);
  }

  get db(): Kysely<Database> {
    return this.opts.db;
  }

  /** The key that MACs chain heads, for writers beside `execute` (a migration). */
  get auditKey(): AuditKey | undefined {
    return this.opts.auditKey;
  }

  /** The time a command would run at now: the injected clock, else the database's (`db`: a transaction's). */
  async currentTime(db: Kysely<Database> = this.opts.db): Promise<string> {
    if (this.opts.clock) return this.opts.clock();
    const row = await sql<{ now: Date }>`select now() as now`.execute(db);
    return new Date(row.rows[0]!.now).toISOString();
  }

  /** Starts a case of the latest (or a given) published version. */
  async start(request: StartRequest, options: ExecuteOptions = {}): Promise<CommandOutcome> {
    const { actor, ...rest } = request;
    refuseUnstorableInput(rest, actor, options);
    const idem = idemKey(request.actor, options.idempotencyKey);
    const row = await this.read(undefined, idem, request.definitionKey);
    if (row.idem) return { ...row.idem, replayed: true };
    const version = request.definitionVersion ?? row.latest;
    if (!version)
      throw new RuntimeError('definition-not-found', `No published definition '${request.definitionKey}'`);
    const bundle = await this.definitions.get(request.definitionKey, version);
    const compiled = compileBundle(bundle);
    const directory = await this.directoryAt(row.dir_version);
    const calendar = await this.calendarAt(row.cal_version);
    const now = this.now(row);
    const instanceId = request.instanceId ?? randomUUID();
    const command: Command = {
      type: 'start',
      instanceId,
      data: request.data,
      parent: request.parent,
      ...(request.schedule ? { schedule: request.schedule } : {}),
    };
    const result = step(bundle, undefined, command, {
      now,
      actor: request.actor,
      directory,
      calendar,
      forms: this.opts.forms,
      locale: options.locale ?? DEFAULT_LOCALE,
    });
    const change = computeChangeSet({
      compiled,
      before: undefined,
      result,
      command,
      prevHash: GENESIS_HASH,
      now,
      directoryVersion: row.dir_version,
      directory,
    });
    const outcome = outcomeOf(result.snapshot);
    const refusal = { bundle, snapshot: result.snapshot, locale: options.locale ?? DEFAULT_LOCALE };
    const written = await this.write(
      refusal,
      change,
      {
        kind: 'insert',
        definitionKey: request.definitionKey,
        definitionVersion: version,
        parentId: request.parent?.instanceId ?? null,
        confidential: compiled.definition.confidential?.enabled ?? false,
        initiator: request.actor.username,
        startedAt: now,
      },
      idem,
      outcome,
    );
    if (!written) return this.lost(idem, `Case '${instanceId}' already exists`);
    this.cache.remember({
      snapshot: result.snapshot,
      prevHash: change.audit.hash,
      dirVersion: row.dir_version,
      at: now,
    });
    this.opts.onCommitted?.(instanceId, result.effects);
    return outcome;
  }

  /**
   * Runs one command against a case in one transaction. A case this process wrote last is taken
   * from the snapshot cache (no read); if it changed meanwhile the guarded write misses and the
   * command runs again on a fresh read.
   */
  async execute(
    instanceId: string,
    command: Command,
    actor: Actor,
    options: ExecuteOptions = {},
  ): Promise<CommandOutcome> {
    refuseUnstorableInput(command, actor, options, instanceId);
    const idem = idemKey(actor, options.idempotencyKey);
    const cached = newest(this.cache.get(instanceId), options.seen);
    if (cached && this.cacheUsable(cached)) {
      const run: Run = { command, actor, options, idem, fromCache: true };
      const outcome = await this.attempt(cached, run);
      if (outcome !== 'lost' && outcome !== 'refused') return outcome;
      this.cache.forget(instanceId, cached.snapshot.version);
      const cachedVersion = outcome === 'lost' ? cached.snapshot.version : undefined;
      return this.executeOnRead(instanceId, { ...run, fromCache: false }, cachedVersion);
    }
    return this.executeOnRead(instanceId, { command, actor, options, idem, fromCache: false }, undefined);
  }

  /**
   * The command on a fresh read. If a cached attempt lost because the case moved on from
   * `lostAtVersion`, a refusal now is reported as the conflict it is.
   */
  private async executeOnRead(
    instanceId: string,
    run: Run,
    lostAtVersion: number | undefined,
  ): Promise<CommandOutcome> {
    const row = await this.read(instanceId, run.idem, undefined);
    if (row.idem) return { ...row.idem, replayed: true };
    if (!row.snapshot || row.definition_key === null || row.definition_version === null) {
      throw new RuntimeError('not-found', `No case '${instanceId}'`);
    }
    const loaded: CachedCase = {
      snapshot: row.snapshot,
      prevHash: row.prev_hash ?? GENESIS_HASH,
      dirVersion: row.dir_version,
      calVersion: row.cal_version,
      at: this.now(row),
    };
    const outcome = await this.attempt(loaded, run).catch((error: unknown) => {
      if (lostAtVersion !== undefined && row.version !== lostAtVersion && error instanceof StepError)
        throw new RuntimeError('conflict', `Case '${instanceId}' changed meanwhile: ${error.message}`);
      throw error;
    });
    if (outcome === 'refused') throw new Error('unreachable: only cached attempts are refused');
    if (outcome === 'lost')
      return this.lost(run.idem, `Case '${instanceId}' changed since it was read (version ${row.version})`);
    return outcome;
  }

  /**
   * Step, diff, one guarded write; `lost` if the case (or, from the cache, the directory) moved.
   * From the cache, any failure before the write is `refused`: the cached case may be stale, so
   * the caller runs the command again on a fresh read, which gives the real answer. A failure of
   * the write itself is never retried here (it may have committed).
   */
  private async attempt(loaded: CachedCase, run: Run): Promise<CommandOutcome | 'lost' | 'refused'> {
    const before = loaded.snapshot;
    const bundle = await this.definitions.get(before.definitionKey, before.definitionVersion);
    const directory = await this.directoryAt(loaded.dirVersion);
    const now = run.fromCache ? this.clockNow(loaded.at) : loaded.at;
    let result: ReturnType<typeof step>;
    let change: ReturnType<typeof computeChangeSet>;
    try {
      result = step(bundle, before, run.command, {
        now,
        actor: run.actor,
        directory,
        calendar: await this.calendarAt(loaded.calVersion),
        forms: this.opts.forms,
        locale: run.options.locale ?? DEFAULT_LOCALE,
      });
      change = computeChangeSet({
        compiled: compileBundle(bundle),
        before,
        result,
        command: run.command,
        prevHash: loaded.prevHash,
        now,
        directoryVersion: loaded.dirVersion,
        directory,
      });
    } catch (error) {
      if (run.fromCache) return 'refused';
      throw error;
    }
    const outcome = outcomeOf(result.snapshot);
    const head = run.fromCache
      ? { kind: 'update' as const, directoryVersion: loaded.dirVersion }
      : { kind: 'update' as const };
    const refusal = { bundle, snapshot: result.snapshot, locale: run.options.locale ?? DEFAULT_LOCALE };
    if (!(await this.write(refusal, change, head, run.idem, outcome))) return 'lost';
    this.cache.remember({
      snapshot: result.snapshot,
      prevHash: change.audit.hash,
      dirVersion: loaded.dirVersion,
      at: now,
    });
    this.opts.onCommitted?.(before.instanceId, result.effects);
    return outcome;
  }

  /** A cached case is used while the directory it ran against is current and the clock is synced. */
  private cacheUsable(cached: CachedCase): boolean {
    if (this.directoryCache?.version !== cached.dirVersion) return false;
    return this.opts.clock !== undefined || Date.now() - this.clockSyncedAt < CLOCK_RESYNC_MS;
  }

  /** The database's time without asking it: the local clock plus the offset seen at the last read. */
  private clockNow(notBefore: string): string {
    if (this.opts.clock) return this.opts.clock();
    const at = Math.max(Date.now() + this.clockOffset, Date.parse(notBefore));
    return new Date(at).toISOString();
  }

  /** The directory as of the given version, reloaded only when it moved. */
  async directoryAt(version?: string): Promise<InMemoryDirectory> {
    if (!this.directoryCache || (version !== undefined && this.directoryCache.version !== version)) {
      this.directoryCache = await loadDirectory(this.opts.db);
    }
    return this.directoryCache.directory;
  }

  /**
   * The working-day calendar as of the given version (the latest when none is given), reloaded
   * only when it moved.
   */
  async calendarAt(version?: number): Promise<WorkingCalendar> {
    if (!this.calendarCache || (version !== undefined && this.calendarCache.version !== version)) {
      this.calendarCache = await loadCalendar(this.opts.db, version);
    }
    return this.calendarCache;
  }

  /** The stored snapshot of a case. */
  async snapshot(instanceId: string): Promise<CaseSnapshot | undefined> {
    const row = await this.opts.db
      .selectFrom('instances')
      .select('snapshot')
      .where('id', '=', instanceId)
      .executeTakeFirst();
    return (row?.snapshot as CaseSnapshot | undefined) ?? undefined;
  }

  private now(row: ReadRow): string {
    return this.opts.clock?.() ?? new Date(row.db_now).toISOString();
  }

  /** Round trip 1: the case, its last audit hash, the directory version, the idempotency record, the time. */
  private async read(
    instanceId: string | undefined,
    idem: string | undefined,
    definitionKey: string | undefined,
  ): Promise<ReadRow> {
    const result = await sql<ReadRow>`
      select i.snapshot, i.version, i.definition_key, i.definition_version,
        (select a.hash from audit_log a where a.instance_id = i.id order by a.seq desc limit 1) as prev_hash,
        (select m.version::text from directory_meta m where m.id = 1) as dir_version,
        (select k.response from idempotency_keys k where k.key = ${idem ?? null}::text) as idem,
        (select max(d.version) from definitions d where d.key = ${definitionKey ?? null}::text) as latest,
        (select coalesce(max(c.version), 0) from calendar_versions c) as cal_version,
        now() as db_now
      from (select 1) as one left join instances i on i.id = ${instanceId ?? null}::text`.execute(
      this.opts.db,
    );
    const row = result.rows[0]!;
    this.clockOffset = new Date(row.db_now).getTime() - Date.now();
    this.clockSyncedAt = Date.now();
    return row;
  }

  private async write(
    refusal: { bundle: DefinitionBundle; snapshot: CaseSnapshot; locale: Locale },
    change: ChangeSet,
    head: WriteHead,
    idem: string | undefined,
    outcome: CommandOutcome,
  ): Promise<boolean> {
    try {
      const key = this.opts.auditKey;
      const audit = change.audit;
      return await this.batcher.write({
        change,
        head,
        idempotency: idem ? { key: idem, actor: audit.actor, response: outcome } : undefined,
        ...(key && {
          anchor: { mac: key.mac(headText(audit.instance_id, audit.seq, audit.hash)), keyId: key.id },
        }),
      });
    } catch (error) {
      if (isUniqueValueViolation(error))
        throw await duplicateValueError(this.opts.db, refusal.bundle, refusal.snapshot, refusal.locale);
      if ((error as { code?: string }).code === '23505') return false;
      throw error;
    }
  }

  /** Lost the race: the first result if the same idempotency key won it, else `conflict`. */
  private async lost(idem: string | undefined, message: string): Promise<CommandOutcome> {
    if (idem) {
      const row = await this.opts.db
        .selectFrom('idempotency_keys')
        .select('response')
        .where('key', '=', idem)
        .executeTakeFirst();
      if (row) return { ...(row.response as CommandOutcome), replayed: true };
    }
    throw new RuntimeError('conflict', message);
  }
}

/**
 * Text PostgreSQL cannot store (U+0000, a lone surrogate) is refused as `invalid-text` naming its
 * field (`/data/details`, `/comment`) before the command is stepped, so it never reaches a write
 * statement it would share with, and fail for, other commands.
 */
function refuseUnstorableInput(
  command: unknown,
  actor: Actor,
  options: ExecuteOptions,
  instanceId?: string,
): void {
  refuseUnstorableText(command);
  refuseUnstorableText({ instanceId, actor: actor.username, idempotencyKey: options.idempotencyKey });
}

/** The newer of the cached case and the one the caller read (the cached one on a tie). */
function newest(cached: CachedCase | undefined, seen: CachedCase | undefined): CachedCase | undefined {
  if (!seen) return cached;
  return cached && cached.snapshot.version >= seen.snapshot.version ? cached : seen;
}

function idemKey(actor: Actor, key: string | undefined): string | undefined {
  return key ? commandIdempotencyKey(actor.username, key) : undefined;
}

/** The key under which a command's result is recorded (`idempotency_keys.key`) in its own transaction. */
export function commandIdempotencyKey(username: string, key: string): string {
  return `${username}:${key}`;
}

function outcomeOf(snapshot: CaseSnapshot): CommandOutcome {
  return {
    instanceId: snapshot.instanceId,
    version: snapshot.version,
    status: snapshot.status,
    tasks: snapshot.tasks.map((t) => t.id),
    replayed: false,
  };
}
