import { StepError, SYSTEM_ACTOR } from '@flowform/engine';
import { sql } from 'kysely';
import type { CaseRuntime } from './case-runtime';
import type { HousekeepingOptions } from './housekeeping';
import { RuntimeError } from './runtime-error';
import { ScheduleFirer } from './schedule-firer';

/** How a timer worker runs; several processes may run one each against the same database. */
export interface TimerWorkerOptions {
  runtime: CaseRuntime;
  workerId: string;
  /** Injected clock for tests; otherwise the database's now() decides what is due. */
  clock?: () => string;
  intervalMs?: number;
  batch?: number;
  lockSeconds?: number;
  onError?: (error: unknown, timerId: string) => void;
  /** Clean-ups run at most once per `intervalMs` beside the timers (expired keys, sessions …). */
  housekeeping?: HousekeepingOptions;
}

/**
 * Fires due timers exactly once across processes: rows are claimed with FOR UPDATE SKIP LOCKED and
 * a lease (a crashed holder's lease expires and another worker takes over); the fire itself is a
 * normal command whose write deletes the timer row under the case's version check, so a second
 * attempt finds it gone (`stale`) and does nothing.
 */
export class TimerWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private lastHousekeeping = Number.NEGATIVE_INFINITY;
  private readonly schedules: ScheduleFirer;

  constructor(private readonly opts: TimerWorkerOptions) {
    this.schedules = new ScheduleFirer({
      runtime: opts.runtime,
      workerId: opts.workerId,
      clock: opts.clock,
      lockSeconds: opts.lockSeconds,
      onError: (error, where) => opts.onError?.(error, where),
    });
  }

  /** Starts the cases of due schedules (see schedule-firer.ts); returns how many started. */
  runSchedules(): Promise<number> {
    return this.schedules.runOnce();
  }

  /** Claims and fires one batch of due timers; returns how many fired. */
  async runOnce(): Promise<number> {
    const { runtime, workerId } = this.opts;
    const now = this.opts.clock ? sql`${this.opts.clock()}::timestamptz` : sql`now()`;
    const lease = `${this.opts.lockSeconds ?? 30} seconds`;
    const claimed = await sql<{ id: string; instance_id: string }>`
      update timers set locked_by = ${workerId}, locked_until = ${now} + ${lease}::interval
      where id in (
        select id from timers
        where due_at <= ${now} and (locked_until is null or locked_until < ${now})
        order by due_at, id limit ${this.opts.batch ?? 50}
        for update skip locked)
      returning id, instance_id`.execute(runtime.db);
    let fired = 0;
    for (const row of claimed.rows.sort((a, b) => a.id.localeCompare(b.id))) {
      try {
        await runtime.execute(row.instance_id, { type: 'timerFired', timerId: row.id }, SYSTEM_ACTOR, {
          idempotencyKey: `timer:${row.id}`,
        });
        fired += 1;
      } catch (error) {
        await this.settle(row.id, error);
      }
    }
    return fired;
  }

  /** Runs every housekeeping task now; returns rows deleted per task. A failing task does not stop the others. */
  async runHousekeeping(): Promise<Record<string, number>> {
    const now = this.opts.clock ? sql`${this.opts.clock()}::timestamptz` : sql`now()`;
    const counts: Record<string, number> = {};
    for (const task of this.opts.housekeeping?.tasks ?? []) {
      try {
        counts[task.name] = await task.run(this.opts.runtime.db as never, now);
      } catch (error) {
        this.opts.onError?.(error, `housekeeping:${task.name}`);
      }
    }
    return counts;
  }

  private async settle(timerId: string, error: unknown): Promise<void> {
    const db = this.opts.runtime.db;
    // A case suspended after the claim: its timer row comes back when the case is resumed.
    if (error instanceof StepError && (error.code === 'stale' || error.code === 'case-suspended')) {
      await db.deleteFrom('timers').where('id', '=', timerId).execute();
      return;
    }
    if (error instanceof RuntimeError && error.code === 'conflict') {
      await db
        .updateTable('timers')
        .set({ locked_by: null, locked_until: null })
        .where('id', '=', timerId)
        .execute();
      return;
    }
    this.opts.onError?.(error, timerId);
  }

  /** Polls until stopped. */
  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.runOnce()
        .then(() => this.runSchedules())
        .then(() => (this.housekeepingDue() ? this.runHousekeeping() : undefined))
        .catch((error) => this.opts.onError?.(error, '*'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(tick, this.opts.intervalMs ?? 1000);
    };
    void tick();
  }

  private housekeepingDue(): boolean {
    const every = this.opts.housekeeping?.intervalMs;
    if (every === undefined || Date.now() - this.lastHousekeeping < every) return false;
    this.lastHousekeeping = Date.now();
    return true;
  }

  /** Stops polling and waits for the batch in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
