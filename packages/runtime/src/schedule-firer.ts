import {
  type DefinitionBundle,
  decideFire,
  firstFireAfter,
  type ScheduleDef,
  StepError,
  SYSTEM_ACTOR,
  scheduleStartData,
  schedulePeople,
  type WorkingCalendar,
} from '@flowform/engine';
import { sql } from 'kysely';
import type { CaseRuntime } from './case-runtime';

/** How the scheduler runs inside a timer worker. */
export interface ScheduleFirerOptions {
  runtime: CaseRuntime;
  workerId: string;
  clock?: () => string;
  lockSeconds?: number;
  onError?: (error: unknown, where: string) => void;
}

interface ScheduleRow {
  definition_key: string;
  schedule_id: string;
  spec: ScheduleDef;
  next_fire_at: Date;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/**
 * Starts the cases the definitions' schedules call for, exactly once across processes: each
 * schedule is a row (kept in step with the latest published version) claimed with FOR UPDATE SKIP
 * LOCKED and a lease; each start carries an idempotency key made of the schedule and its fire time,
 * so a start retried after a crash (or by another process after the lease) returns the first one;
 * the row then moves to its next fire under a guard on the fire it handled. After downtime the
 * schedule's `catchUp` decides: one start for the missed fires (`once`) or none (`skip`).
 */
export class ScheduleFirer {
  private readonly synced = new Map<string, number>();
  private syncedCalendar: number | undefined;

  constructor(private readonly opts: ScheduleFirerOptions) {}

  /** Syncs the schedule rows, then starts the due fires; returns how many cases started. */
  async runOnce(): Promise<number> {
    const { runtime } = this.opts;
    const now = this.opts.clock?.() ?? (await runtime.currentTime());
    const calendar = await runtime.calendarAt(await this.calendarVersion());
    await this.sync(now, calendar);
    const lease = `${this.opts.lockSeconds ?? 30} seconds`;
    const claimed = await sql<ScheduleRow>`
      update schedules set locked_by = ${this.opts.workerId}, locked_until = ${now}::timestamptz + ${lease}::interval
      where (definition_key, schedule_id) in (
        select definition_key, schedule_id from schedules
        where next_fire_at <= ${now}::timestamptz
          and (locked_until is null or locked_until < ${now}::timestamptz)
        order by next_fire_at, definition_key, schedule_id limit 20
        for update skip locked)
      returning definition_key, schedule_id, spec, next_fire_at`.execute(runtime.db);
    let started = 0;
    for (const row of claimed.rows) {
      try {
        started += await this.fire(row, now, calendar);
      } catch (error) {
        this.opts.onError?.(error, `schedule:${row.definition_key}/${row.schedule_id}`);
      }
    }
    return started;
  }

  private async calendarVersion(): Promise<number> {
    const row = await sql<{ v: number }>`
      select coalesce(max(version), 0)::int as v from calendar_versions`.execute(this.opts.runtime.db);
    return row.rows[0]!.v;
  }

  /** Starts the cases of one due fire (or none, when skipped) and moves the row to its next fire. */
  private async fire(row: ScheduleRow, now: string, calendar: WorkingCalendar): Promise<number> {
    const { runtime } = this.opts;
    const spec = row.spec;
    const due = iso(row.next_fire_at);
    // Planned on an older calendar (a holiday entered since): move to the fire it gives now.
    const planned = firstFireAfter(spec, new Date(row.next_fire_at.getTime() - 1).toISOString(), calendar);
    if (planned !== due) {
      await this.moveTo(row, planned);
      return 0;
    }
    const decision = decideFire(spec, due, now, calendar);
    let started = 0;
    if (decision.start) {
      const version = await runtime.definitions.latestVersion(row.definition_key);
      const bundle = await runtime.definitions.get(row.definition_key, version!);
      const people = schedulePeople((await runtime.directoryAt()).toSeed());
      try {
        const all = scheduleStartData(bundle.definition, spec, decision.start, people);
        for (const [i, data] of all.entries()) {
          await runtime.start(
            {
              definitionKey: row.definition_key,
              data,
              actor: SYSTEM_ACTOR,
              schedule: { id: spec.id, fireAt: decision.start },
            },
            { idempotencyKey: `schedule:${row.definition_key}:${spec.id}:${decision.start}:${i}` },
          );
          started += 1;
        }
      } catch (error) {
        // A refusal is for good (the definition's data does not fit): report it and move on, so
        // one bad fire does not block the schedule; anything else is retried after the lease.
        if (!(error instanceof StepError)) throw error;
        this.opts.onError?.(error, `schedule:${row.definition_key}/${spec.id}@${decision.start}`);
      }
    }
    await this.moveTo(row, decision.next, due);
    return started;
  }

  /** Moves a claimed row to its next fire and releases it, if no one moved it meanwhile. */
  private async moveTo(row: ScheduleRow, next: string | undefined, fired?: string): Promise<void> {
    await this.opts.runtime.db
      .updateTable('schedules')
      .set({
        next_fire_at: next ?? null,
        ...(fired ? { last_fire_at: fired } : {}),
        locked_by: null,
        locked_until: null,
      })
      .where('definition_key', '=', row.definition_key)
      .where('schedule_id', '=', row.schedule_id)
      .where('next_fire_at', '=', row.next_fire_at)
      .execute();
  }

  /**
   * Keeps one row per schedule of each definition's latest version: new schedules are planned from
   * `now`, a changed `when` or zone re-planned, removed ones dropped. A calendar change re-plans
   * the fires still ahead.
   */
  private async sync(now: string, calendar: WorkingCalendar): Promise<void> {
    const { runtime } = this.opts;
    const latest = await runtime.db
      .selectFrom('definitions')
      .select(['key', (eb) => eb.fn.max('version').as('version')])
      .groupBy('key')
      .execute();
    for (const { key, version } of latest) {
      if (this.synced.get(key) === version) continue;
      const bundle = await runtime.definitions.get(key, version);
      await this.syncDefinition(bundle, version, now, calendar);
      this.synced.set(key, version);
    }
    if (this.syncedCalendar !== undefined && this.syncedCalendar !== calendar.version) {
      const ahead = await runtime.db
        .selectFrom('schedules')
        .select(['definition_key', 'schedule_id', 'spec', 'next_fire_at'])
        .where('next_fire_at', '>', new Date(now))
        .execute();
      for (const row of ahead) {
        const next = firstFireAfter(row.spec as ScheduleDef, now, calendar);
        await runtime.db
          .updateTable('schedules')
          .set({ next_fire_at: next ?? null })
          .where('definition_key', '=', row.definition_key)
          .where('schedule_id', '=', row.schedule_id)
          .where('next_fire_at', '=', row.next_fire_at)
          .execute();
      }
    }
    this.syncedCalendar = calendar.version ?? 0;
  }

  private async syncDefinition(
    bundle: DefinitionBundle,
    version: number,
    now: string,
    calendar: WorkingCalendar,
  ): Promise<void> {
    const { db } = this.opts.runtime;
    const key = bundle.definition.key;
    const schedules = bundle.definition.schedules ?? [];
    const rows = await db
      .selectFrom('schedules')
      .select(['schedule_id', 'spec', 'definition_version'])
      .where('definition_key', '=', key)
      .execute();
    for (const spec of schedules) {
      const row = rows.find((r) => r.schedule_id === spec.id);
      if (!row) {
        await db
          .insertInto('schedules')
          .values({
            definition_key: key,
            schedule_id: spec.id,
            definition_version: version,
            spec: JSON.stringify(spec),
            next_fire_at: firstFireAfter(spec, now, calendar) ?? null,
          })
          .onConflict((oc) => oc.columns(['definition_key', 'schedule_id']).doNothing())
          .execute();
        continue;
      }
      if (row.definition_version >= version) continue;
      const old = row.spec as ScheduleDef;
      const replan = old.when !== spec.when || old.timezone !== spec.timezone;
      await db
        .updateTable('schedules')
        .set({
          spec: JSON.stringify(spec),
          definition_version: version,
          ...(replan ? { next_fire_at: firstFireAfter(spec, now, calendar) ?? null } : {}),
        })
        .where('definition_key', '=', key)
        .where('schedule_id', '=', spec.id)
        .where('definition_version', '<', version)
        .execute();
    }
    const ids = schedules.map((s) => s.id);
    let gone = db.deleteFrom('schedules').where('definition_key', '=', key);
    if (ids.length > 0) gone = gone.where('schedule_id', 'not in', ids);
    await gone.execute();
  }
}
