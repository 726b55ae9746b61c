/**
 * The durable driver: every command goes through `CaseRuntime` on a real database (PGlite in
 * memory, or PostgreSQL when DATABASE_URL is set), effects through the real outbox worker, timers
 * through the timer rows. One database per test file; each driver resets the directory and keeps to
 * its own cases, so scenarios stay independent.
 */
import { randomBytes } from 'node:crypto';
import {
  type AuditEntry,
  type CaseSnapshot,
  type Command,
  caseVisibility,
  compileBundle,
  type DefinitionBundle,
  type DirectorySeed,
  type Effect,
  type InMemoryDirectory,
  parseIsoDuration,
  replay,
  SYSTEM_ACTOR,
} from '@flowform/engine';
import {
  CaseRuntime,
  loadDirectory,
  type OpenDatabase,
  OutboxWorker,
  replaceDirectory,
} from '@flowform/runtime';
import { openTestDatabase } from '@flowform/runtime/testing';
import { afterAll } from 'vitest';
import { SCENARIO_EPOCH } from './in-memory-driver';
import type { CompleteOptions, DriverTask, FiredTimer, ScenarioDriver } from './scenario-driver';
import { holders, mayWork } from './task-holders';

let shared: Promise<OpenDatabase> | undefined;

async function database(bundles: Map<string, DefinitionBundle>): Promise<OpenDatabase> {
  shared ??= (async () => {
    const open = await openTestDatabase(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    afterAll(() => open.close());
    const runtime = new CaseRuntime({ db: open.db });
    for (const bundle of bundles.values()) await runtime.definitions.publish(bundle, 'admin');
    return open;
  })();
  return shared;
}

/** A driver on the durable runtime; `create` resets the shared database's directory to the seed. */
export class RuntimeDriver implements ScenarioDriver {
  private clock = Date.parse(SCENARIO_EPOCH);
  private started = 0;
  private readonly nonce = randomBytes(3).toString('hex');
  private readonly mine = new Set<string>();
  private readonly runtime: CaseRuntime;
  private readonly outbox: OutboxWorker;

  private constructor(
    private readonly open: OpenDatabase,
    private readonly bundles: Map<string, DefinitionBundle>,
  ) {
    this.runtime = new CaseRuntime({ db: open.db, clock: () => new Date(this.clock).toISOString() });
    this.outbox = new OutboxWorker({ runtime: this.runtime, workerId: `scenario-${this.nonce}` });
  }

  static async create(bundles: Map<string, DefinitionBundle>, seed: DirectorySeed): Promise<RuntimeDriver> {
    const open = await database(bundles);
    await open.db.deleteFrom('outbox').where('delivered_at', 'is', null).execute();
    await replaceDirectory(open.db, seed);
    return new RuntimeDriver(open, bundles);
  }

  /** The number the database gave the case (null for a process without case numbers). */
  async caseNumber(caseId: string): Promise<string | null> {
    const row = await this.open.db
      .selectFrom('instances')
      .select('case_number')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return row.case_number;
  }

  async now(): Promise<string> {
    return new Date(this.clock).toISOString();
  }

  async start(process: string, user: string, data: Record<string, unknown>): Promise<string> {
    this.started += 1;
    const id = `${process}-${this.started}-${this.nonce}`;
    this.mine.add(id);
    await this.runtime.start({ definitionKey: process, data, actor: { username: user }, instanceId: id });
    await this.deliver();
    return id;
  }

  async complete(
    caseId: string,
    user: string,
    outcome: string,
    data?: Record<string, unknown>,
    options: CompleteOptions = {},
  ): Promise<void> {
    const tasks = (await this.tasksOf(user, caseId)).filter(
      (t) => !options.state || t.stateId === options.state,
    );
    if (tasks.length !== 1)
      throw new Error(
        `${user} has ${tasks.length} open task(s) in ${caseId}${options.state ? ` at ${options.state}` : ''}`,
      );
    await this.run(caseId, user, {
      type: 'complete',
      taskId: tasks[0]!.id,
      outcome,
      data,
      comment: options.comment,
    });
  }

  async run(caseId: string, user: string, command: Command): Promise<void> {
    await this.runtime.execute(
      caseId,
      command,
      user === SYSTEM_ACTOR.username ? SYSTEM_ACTOR : { username: user },
    );
    await this.deliver();
  }

  async advance(duration: string): Promise<FiredTimer[]> {
    const ms = parseIsoDuration(duration);
    if (ms === undefined) throw new Error(`not a duration: ${duration}`);
    this.clock += ms;
    const fired: FiredTimer[] = [];
    for (;;) {
      const due = await this.open.db
        .selectFrom('timers')
        .select(['id', 'instance_id'])
        .where('instance_id', 'in', [...this.allCases()])
        .where('due_at', '<=', new Date(this.clock))
        .orderBy('due_at')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      if (!due) return fired;
      const timer = (await this.snapshot(due.instance_id)).timers.find((t) => t.id === due.id)!;
      fired.push({ caseId: due.instance_id, kind: timer.kind, stateId: timer.stateId });
      await this.run(due.instance_id, SYSTEM_ACTOR.username, { type: 'timerFired', timerId: due.id });
    }
  }

  async tasksOf(user: string, caseId?: string): Promise<DriverTask[]> {
    const directory = await this.directory();
    const out: DriverTask[] = [];
    for (const id of caseId ? [caseId] : [...this.allCases()]) {
      const snapshot = await this.snapshot(id);
      if (snapshot.status !== 'running') continue;
      for (const task of snapshot.tasks)
        if (mayWork(task, user, directory)) out.push({ ...task, caseId: id });
    }
    return out;
  }

  async openTasks(caseId: string): Promise<(DriverTask & { users: string[] })[]> {
    const snapshot = await this.snapshot(caseId);
    if (snapshot.status !== 'running') return [];
    const directory = await this.directory();
    return snapshot.tasks.map((task) => ({ ...task, caseId, users: holders(task, directory) }));
  }

  async snapshot(caseId: string): Promise<CaseSnapshot> {
    const snapshot = await this.runtime.snapshot(caseId);
    if (!snapshot) throw new Error(`no case ${caseId}`);
    return snapshot;
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    const rows = await this.open.db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', caseId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => {
      const { directoryVersion: _dv, ...detail } = r.detail as Record<string, unknown>;
      return {
        seq: r.seq,
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        action: r.action,
        ...(r.task_id ? { taskId: r.task_id } : {}),
        ...(r.outcome ? { outcome: r.outcome } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        detail,
      };
    });
  }

  async effects(caseId: string): Promise<Effect[]> {
    const rows = await this.open.db
      .selectFrom('outbox')
      .select('payload')
      .where('instance_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.payload as Effect);
  }

  async children(caseId: string): Promise<string[]> {
    return (await this.snapshot(caseId)).children.map((c) => c.id);
  }

  async visibility(caseId: string, user: string) {
    const snapshot = await this.snapshot(caseId);
    return caseVisibility(compileBundle(this.bundleOf(snapshot)), snapshot, user, await this.directory());
  }

  async replay(caseId: string): Promise<CaseSnapshot | undefined> {
    const snapshot = await this.snapshot(caseId);
    return replay(this.bundleOf(snapshot), await this.audit(caseId), await this.directory());
  }

  async holders(role: string, unit: string): Promise<string[]> {
    return (await this.directory()).holders(role, unit);
  }

  private bundleOf(snapshot: CaseSnapshot): DefinitionBundle {
    const bundle = this.bundles.get(snapshot.definitionKey);
    if (!bundle) throw new Error(`no process ${snapshot.definitionKey}`);
    return bundle;
  }

  /** My cases and every child case started under them. */
  private allCases(): Set<string> {
    return this.mine;
  }

  private async directory(): Promise<InMemoryDirectory> {
    return (await loadDirectory(this.open.db)).directory;
  }

  /** Runs the outbox until it is empty: child cases, cancellations, child completions, directory changes. */
  private async deliver(): Promise<void> {
    while ((await this.outbox.runOnce()) > 0) {
      const children = await this.open.db
        .selectFrom('instances')
        .select('id')
        .where('parent_id', 'in', [...this.mine])
        .execute();
      for (const c of children) this.mine.add(c.id);
    }
    const children = await this.open.db
      .selectFrom('instances')
      .select('id')
      .where('parent_id', 'in', [...this.mine])
      .execute();
    for (const c of children) this.mine.add(c.id);
  }
}
