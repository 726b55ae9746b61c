/**
 * The in-memory driver: every command goes through the engine's pure `step`, and effects are
 * delivered the way the durable runtime's outbox delivers them (child cases started as the system on
 * behalf of the initiator, child completions fed back as `childDone`, directory changes applied).
 */
import {
  type AuditEntry,
  type CaseSnapshot,
  type Command,
  caseVisibility,
  compileBundle,
  type DefinitionBundle,
  type DirectorySeed,
  type Effect,
  InMemoryDirectory,
  parseIsoDuration,
  replay,
  StepError,
  SYSTEM_ACTOR,
  step,
} from '@flowform/engine';
import type { CompleteOptions, DriverTask, FiredTimer, ScenarioDriver } from './scenario-driver';
import { holders, mayWork } from './task-holders';

interface StoredCase {
  bundle: DefinitionBundle;
  snapshot: CaseSnapshot;
  audit: AuditEntry[];
  effects: Effect[];
  children: string[];
}

/** Monday 2 March 2026, 16:00 in Beijing. */
export const SCENARIO_EPOCH = '2026-03-02T08:00:00.000Z';

export class InMemoryDriver implements ScenarioDriver {
  private readonly directory: InMemoryDirectory;
  private readonly cases = new Map<string, StoredCase>();
  private clock = Date.parse(SCENARIO_EPOCH);
  private started = 0;

  constructor(
    private readonly bundles: Map<string, DefinitionBundle>,
    seed: DirectorySeed,
  ) {
    this.directory = new InMemoryDirectory(seed);
  }

  async now(): Promise<string> {
    return new Date(this.clock).toISOString();
  }

  async start(process: string, user: string, data: Record<string, unknown>): Promise<string> {
    this.started += 1;
    const id = `${process}-${this.started}`;
    this.open(id, process, { type: 'start', instanceId: id, data }, { username: user });
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
    if (tasks.length !== 1) {
      throw new Error(
        `${user} has ${tasks.length} open task(s) in ${caseId}${options.state ? ` at ${options.state}` : ''}`,
      );
    }
    await this.run(caseId, user, {
      type: 'complete',
      taskId: tasks[0]!.id,
      outcome,
      data,
      comment: options.comment,
    });
  }

  async run(caseId: string, user: string, command: Command): Promise<void> {
    this.execute(caseId, command, user === SYSTEM_ACTOR.username ? SYSTEM_ACTOR : { username: user });
  }

  async advance(duration: string): Promise<FiredTimer[]> {
    const ms = parseIsoDuration(duration);
    if (ms === undefined) throw new Error(`not a duration: ${duration}`);
    this.clock += ms;
    const fired: FiredTimer[] = [];
    for (let next = this.nextDueTimer(); next; next = this.nextDueTimer()) {
      fired.push({ caseId: next.caseId, kind: next.timer.kind, stateId: next.timer.stateId });
      this.execute(next.caseId, { type: 'timerFired', timerId: next.timer.id }, SYSTEM_ACTOR);
    }
    return fired;
  }

  async tasksOf(user: string, caseId?: string): Promise<DriverTask[]> {
    const out: DriverTask[] = [];
    for (const [id, stored] of this.cases) {
      if ((caseId && id !== caseId) || stored.snapshot.status !== 'running') continue;
      for (const task of stored.snapshot.tasks) {
        if (mayWork(task, user, this.directory)) out.push({ ...task, caseId: id });
      }
    }
    return out;
  }

  async openTasks(caseId: string): Promise<(DriverTask & { users: string[] })[]> {
    const stored = this.get(caseId);
    if (stored.snapshot.status !== 'running') return [];
    return stored.snapshot.tasks.map((task) => ({ ...task, caseId, users: holders(task, this.directory) }));
  }

  async snapshot(caseId: string): Promise<CaseSnapshot> {
    return structuredClone(this.get(caseId).snapshot);
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    return structuredClone(this.get(caseId).audit);
  }

  async effects(caseId: string): Promise<Effect[]> {
    return structuredClone(this.get(caseId).effects);
  }

  async children(caseId: string): Promise<string[]> {
    return [...this.get(caseId).children];
  }

  async visibility(caseId: string, user: string) {
    const stored = this.get(caseId);
    return caseVisibility(compileBundle(stored.bundle), stored.snapshot, user, this.directory);
  }

  async replay(caseId: string): Promise<CaseSnapshot | undefined> {
    const stored = this.get(caseId);
    return replay(stored.bundle, JSON.parse(JSON.stringify(stored.audit)), this.directory);
  }

  async holders(role: string, unit: string): Promise<string[]> {
    return this.directory.holders(role, unit);
  }

  private get(caseId: string): StoredCase {
    const stored = this.cases.get(caseId);
    if (!stored) throw new Error(`no case ${caseId}`);
    return stored;
  }

  private open(id: string, process: string, command: Command, actor: { username: string; system?: boolean }) {
    const bundle = this.bundles.get(process);
    if (!bundle) throw new Error(`no process ${process}`);
    const result = step(bundle, undefined, command, {
      now: new Date(this.clock).toISOString(),
      actor,
      directory: this.directory,
      locale: 'zh-CN',
    });
    this.cases.set(id, {
      bundle,
      snapshot: result.snapshot,
      audit: [result.audit],
      effects: [...result.effects],
      children: [],
    });
    this.deliver(id, result.effects);
  }

  private execute(caseId: string, command: Command, actor: { username: string; system?: boolean }): void {
    const stored = this.get(caseId);
    const result = step(stored.bundle, stored.snapshot, command, {
      now: new Date(this.clock).toISOString(),
      actor,
      directory: this.directory,
      locale: 'zh-CN',
    });
    stored.snapshot = result.snapshot;
    stored.audit.push(result.audit);
    stored.effects.push(...result.effects);
    this.deliver(caseId, result.effects);
  }

  /** The outbox: child starts, cancellations, completions and directory changes, in order. */
  private deliver(caseId: string, effects: Effect[]): void {
    for (const effect of effects) {
      if (effect.type === 'startChild') {
        this.get(caseId).children.push(effect.childId);
        const command: Command = {
          type: 'start',
          instanceId: effect.childId,
          data: effect.data,
          parent: { instanceId: caseId, childId: effect.childId },
        };
        this.open(effect.childId, effect.process, command, { username: effect.initiator, system: true });
      } else if (effect.type === 'cancelChild') {
        this.tolerateStale(() =>
          this.execute(effect.childId, { type: 'cancel', reason: 'parent' }, SYSTEM_ACTOR),
        );
      } else if (effect.type === 'childFinished') {
        const { childId, status, data, outcome, endState, endStateName } = effect;
        const done = { type: 'childDone' as const, childId, status, data, outcome, endState, endStateName };
        this.tolerateStale(() => this.execute(effect.parentInstanceId, done, SYSTEM_ACTOR));
      } else if (effect.type === 'directoryChange') {
        this.directory.setRoleHolder(effect.role, effect.unit, effect.user);
      }
    }
  }

  private tolerateStale(run: () => void): void {
    try {
      run();
    } catch (error) {
      if (!(error instanceof StepError && error.code === 'stale')) throw error;
    }
  }

  private nextDueTimer() {
    let best: { caseId: string; timer: CaseSnapshot['timers'][number] } | undefined;
    for (const [caseId, stored] of this.cases) {
      if (stored.snapshot.status !== 'running') continue;
      for (const timer of stored.snapshot.timers) {
        if (Date.parse(timer.dueAt) > this.clock) continue;
        if (!best || timer.dueAt < best.timer.dueAt) best = { caseId, timer };
      }
    }
    return best;
  }
}
