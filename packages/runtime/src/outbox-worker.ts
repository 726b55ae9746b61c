import type { Effect } from '@flowform/engine';
import { StepError, SYSTEM_ACTOR } from '@flowform/engine';
import { sql } from 'kysely';
import type { CaseRuntime } from './case-runtime';
import { setRoleHolder } from './directory-store';
import { RuntimeError } from './runtime-error';

/** A stored outbox row as handlers see it. */
export interface OutboxRow {
  id: string;
  instance_id: string;
  dedup_key: string;
  kind: string;
  attempts: number;
}

/** Delivers one effect; throwing schedules a retry with backoff. */
export type EffectHandler<E extends Effect = Effect> = (effect: E, row: OutboxRow) => Promise<void>;

/** Handlers by effect type; `notify` is the server's (in-app list, SSE, webhooks). */
export type EffectHandlers = { [T in Effect['type']]?: EffectHandler<Extract<Effect, { type: T }>> };

/** How an outbox worker runs. */
export interface OutboxWorkerOptions {
  runtime: CaseRuntime;
  workerId: string;
  handlers?: EffectHandlers;
  intervalMs?: number;
  batch?: number;
  onError?: (error: unknown, row: OutboxRow) => void;
}

const MAX_BACKOFF_S = 3600;

/**
 * Delivers effects written in the command's transaction: at least once (a crash before marking
 * delivered redelivers), seen once (each effect has a dedup key; child starts and child completions
 * carry idempotency keys, so a redelivery changes nothing).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  private busy = false;
  private woken = false;
  private again = false;
  private readonly handlers: EffectHandlers;
  private readonly batch: number;

  constructor(private readonly opts: OutboxWorkerOptions) {
    this.handlers = { ...builtInHandlers(opts.runtime), ...opts.handlers };
    this.batch = opts.batch ?? 50;
  }

  /** Claims and delivers one batch; returns how many were delivered. */
  async runOnce(): Promise<number> {
    const db = this.opts.runtime.db;
    this.again = false;
    const claimed = await sql<OutboxRow & { payload: Effect }>`
      update outbox set locked_by = ${this.opts.workerId}, locked_until = now() + interval '60 seconds', attempts = attempts + 1
      where id in (
        select id from outbox
        where delivered_at is null and next_attempt_at <= now() and (locked_until is null or locked_until < now())
        order by id limit ${this.batch}
        for update skip locked)
      returning id, instance_id, dedup_key, kind, attempts, payload`.execute(db);
    // A full batch leaves more; the runtime's own effects (child cases) commit new effects.
    this.again =
      claimed.rows.length >= this.batch || claimed.rows.some((row) => RUNTIME_EFFECTS.has(row.payload.type));
    const delivered: string[] = [];
    for (const row of claimed.rows.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        const handler = this.handlers[row.payload.type] as EffectHandler | undefined;
        if (handler) await handler(row.payload, row);
        delivered.push(row.id);
      } catch (error) {
        const backoff = Math.min(2 ** row.attempts, MAX_BACKOFF_S);
        await db
          .updateTable('outbox')
          .set({
            locked_by: null,
            locked_until: null,
            last_error: String((error as Error).message ?? error),
            next_attempt_at: sql<Date>`now() + ${`${backoff} seconds`}::interval`,
          })
          .where('id', '=', row.id)
          .execute();
        this.opts.onError?.(error, row);
      }
    }
    // One statement marks the batch: a crash before it redelivers the batch, which its dedup keys absorb.
    if (delivered.length > 0)
      await db
        .updateTable('outbox')
        .set({ delivered_at: sql<Date>`now()`, locked_by: null, locked_until: null, last_error: null })
        .where('id', 'in', delivered)
        .execute();
    return delivered.length;
  }

  /** Delivers right away (called after a commit) instead of waiting for the next poll. */
  wake(): void {
    if (this.stopped) return;
    this.woken = true;
    if (!this.busy) this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  /**
   * One batch, then the next: at once if the batch was full, held the runtime's own effects (which
   * commit new ones) or a commit woke the worker meanwhile, else after the poll interval (no empty
   * poll after each delivered batch of notifications).
   */
  private async tick(): Promise<void> {
    if (this.stopped || this.busy) return;
    this.busy = true;
    this.woken = false;
    this.running = this.runOnce().catch(() => 0);
    await this.running;
    this.busy = false;
    if (!this.stopped) this.schedule(this.woken || this.again ? 0 : (this.opts.intervalMs ?? 1000));
  }

  /** Polls until stopped. */
  start(): void {
    this.stopped = false;
    void this.tick();
  }

  /** Stops polling and waits for the batch in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}

/** Effects the runtime delivers itself, each of which may commit new effects. */
const RUNTIME_EFFECTS = new Set<string>(['startChild', 'cancelChild', 'childFinished', 'directoryChange']);

/** Child cases and directory changes are the runtime's own effects. */
function builtInHandlers(runtime: CaseRuntime): EffectHandlers {
  return {
    startChild: async (effect, row) => {
      await tolerate(['conflict'], () =>
        runtime.start(
          {
            definitionKey: effect.process,
            data: effect.data,
            actor: { username: effect.initiator, system: true },
            instanceId: effect.childId,
            parent: { instanceId: row.instance_id, childId: effect.childId },
          },
          { idempotencyKey: `outbox:${row.dedup_key}` },
        ),
      );
    },
    cancelChild: async (effect) => {
      await tolerate(['stale'], () =>
        runtime.execute(effect.childId, { type: 'cancel', reason: 'parent' }, SYSTEM_ACTOR, {
          idempotencyKey: `cancel:${effect.childId}`,
        }),
      );
    },
    childFinished: async (effect) => {
      await tolerate(['stale'], () =>
        runtime.execute(
          effect.parentInstanceId,
          {
            type: 'childDone',
            childId: effect.childId,
            status: effect.status,
            data: effect.data,
            outcome: effect.outcome,
            endState: effect.endState,
            endStateName: effect.endStateName,
          },
          SYSTEM_ACTOR,
          {
            idempotencyKey: `child-done:${effect.childId}`,
          },
        ),
      );
    },
    directoryChange: async (effect) => {
      await setRoleHolder(runtime.db, effect.role, effect.unit, effect.user);
    },
  };
}

async function tolerate(codes: string[], run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if ((error instanceof StepError || error instanceof RuntimeError) && codes.includes(error.code)) return;
    throw error;
  }
}
