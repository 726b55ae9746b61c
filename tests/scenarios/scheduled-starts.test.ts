/**
 * Scheduled starts and the working-day calendar, end to end on the durable runtime (PGlite, and
 * PostgreSQL when DATABASE_URL is set) with a virtual clock: two runtimes with a timer worker each
 * share the database, as two server processes do. (The same with two OS processes on PostgreSQL:
 * packages/runtime/src/schedules-multiprocess.pg.test.ts.)
 */
import type { CaseSnapshot } from '@flowform/engine';
import {
  CaseRuntime,
  type CalendarDay,
  type OpenDatabase,
  replaceDirectory,
  saveCalendarDays,
  TimerWorker,
} from '@flowform/runtime';
import { openTestDatabase, testBackends } from '@flowform/runtime/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as accountability from './data/accountability-data';
import { demoDirectorySeed, shippedBundles } from './shipped-bundles';

const bundles = shippedBundles();
/** A fresh PGlite database is migrated per test: slow on a busy machine. */
const SLOW = 180_000;

/** The district's 2027 days as an administrator enters them: the `chinese-days` data stops at 2026. */
const DAYS_2027: CalendarDay[] = [
  { date: '2027-01-01', kind: 'off', name: '元旦' },
  ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map(
    (d): CalendarDay => ({ date: `2027-02-${d}`, kind: 'off', name: '春节' }),
  ),
  { date: '2027-02-20', kind: 'work', name: '春节调休' },
];

/** Two runtimes on one database, each with its timer worker, reading one virtual clock. */
class District {
  private clock: number;
  readonly runtimes: CaseRuntime[];
  readonly workers: TimerWorker[];

  private constructor(
    readonly open: OpenDatabase,
    start: string,
  ) {
    this.clock = Date.parse(start);
    const now = () => new Date(this.clock).toISOString();
    this.runtimes = [0, 1].map(() => new CaseRuntime({ db: open.db, clock: now }));
    this.workers = this.runtimes.map(
      (runtime, i) =>
        new TimerWorker({
          runtime,
          workerId: `process-${i}`,
          clock: now,
          onError: (error) => {
            throw error;
          },
        }),
    );
  }

  /** A fresh database with the shipped processes published at `start` (their schedules planned from it). */
  static async create(kind: 'pglite' | 'postgres', start: string, keys: string[]): Promise<District> {
    const open = await openTestDatabase(kind);
    const district = new District(open, start);
    await replaceDirectory(open.db, demoDirectorySeed());
    for (const key of keys) await district.runtimes[0]!.definitions.publish(bundles.get(key)!, 'admin');
    await district.tick();
    return district;
  }

  /** Moves the clock to `iso` and lets both processes run their schedules at once. */
  async at(iso: string): Promise<number> {
    this.clock = Date.parse(iso);
    return this.tick();
  }

  private async tick(): Promise<number> {
    const started = await Promise.all(this.workers.map((w) => w.runSchedules()));
    return started.reduce((a, b) => a + b, 0);
  }

  async cases(
    key: string,
  ): Promise<{ id: string; initiator: string; startedAt: string; data: Record<string, unknown> }[]> {
    const rows = await this.open.db
      .selectFrom('instances')
      .select(['id', 'initiator', 'started_at', 'snapshot'])
      .where('definition_key', '=', key)
      .orderBy('started_at')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      initiator: r.initiator,
      startedAt: new Date(r.started_at).toISOString(),
      data: (r.snapshot as CaseSnapshot).data,
    }));
  }

  async startAudit(id: string) {
    return this.open.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'at', 'detail'])
      .where('instance_id', '=', id)
      .where('seq', '=', 1)
      .executeTakeFirstOrThrow();
  }
}

describe.each(testBackends())('scheduled starts on %s', (kind) => {
  let district: District | undefined;
  afterEach(async () => {
    await district?.open.close();
    district = undefined;
  }, SLOW);

  it(
    'given the weekly bulletin and two runtime processes, when four Fridays pass, then one bulletin starts at 17:00 each Friday, by the system',
    async () => {
      district = await District.create(kind, '2026-11-30T00:00:00.000Z', ['supervision-bulletin']);
      const fridays = ['2026-12-04', '2026-12-11', '2026-12-18', '2026-12-25'];
      for (const friday of fridays) {
        // 16:59 Shanghai: not yet; 17:00:05: both processes look at once, one starts it.
        expect(await district.at(`${friday}T08:59:00.000Z`)).toBe(0);
        expect(await district.at(`${friday}T09:00:05.000Z`)).toBe(1);
        expect(await district.at(`${friday}T09:01:00.000Z`)).toBe(0);
      }
      const cases = await district.cases('supervision-bulletin');
      expect(cases.map((c) => [c.startedAt, c.data.weekOf, c.initiator])).toEqual([
        ['2026-12-04T09:00:05.000Z', '2026-12-07', 'system'],
        ['2026-12-11T09:00:05.000Z', '2026-12-14', 'system'],
        ['2026-12-18T09:00:05.000Z', '2026-12-21', 'system'],
        ['2026-12-25T09:00:05.000Z', '2026-12-28', 'system'],
      ]);
      const audit = await district.startAudit(cases[0]!.id);
      expect(audit.actor).toBe('system');
      expect(audit.detail).toMatchObject({
        system: true,
        command: { type: 'start', schedule: { id: 'weekly', fireAt: '2026-12-04T09:00:00.000Z' } },
      });
      expect(audit.detail.events).toContainEqual({ scheduled: 'weekly', fireAt: '2026-12-04T09:00:00.000Z' });
    },
    SLOW,
  );

  it(
    'given New Year 2027 entered by an administrator, when the quarter turns, then the quarterly evaluation starts on Monday 2027-01-04 09:00 for Q4 2026 with every cadre',
    async () => {
      district = await District.create(kind, '2026-12-30T00:00:00.000Z', ['quarterly-cadre-evaluation']);
      await saveCalendarDays(district.open.db, {
        days: DAYS_2027,
        changedBy: 'admin',
        comment: '2027 年节假日',
      });
      expect(await district.at('2027-01-01T01:00:05.000Z')).toBe(0);
      expect(await district.at('2027-01-04T00:59:00.000Z')).toBe(0);
      expect(await district.at('2027-01-04T01:00:05.000Z')).toBe(1);
      const [evaluation] = await district.cases('quarterly-cadre-evaluation');
      const cadres = demoDirectorySeed()
        .memberships.filter((m) => m.role === 'cadre')
        .map((m) => m.username);
      expect(evaluation!.data).toMatchObject({ year: 2026, quarter: 4, scoringDeadline: '2027-01-14' });
      expect([...(evaluation!.data.cadres as string[])].sort()).toEqual([...new Set(cadres)].sort());
      const snapshot = await district.runtimes[0]!.snapshot(evaluation!.id);
      expect(snapshot!.tasks.length).toBeGreaterThan(0);
    },
    SLOW,
  );

  it(
    'given only the chinese-days data, when the quarter turns after National Day 2026, then the evaluation starts on Thursday 2026-10-08',
    async () => {
      district = await District.create(kind, '2026-09-30T00:00:00.000Z', ['quarterly-cadre-evaluation']);
      expect(await district.at('2026-10-01T01:00:05.000Z')).toBe(0);
      expect(await district.at('2026-10-07T01:00:05.000Z')).toBe(0);
      expect(await district.at('2026-10-08T01:00:05.000Z')).toBe(1);
      const [evaluation] = await district.cases('quarterly-cadre-evaluation');
      expect(evaluation!.data).toMatchObject({ year: 2026, quarter: 3 });
    },
    SLOW,
  );

  it.each([
    ['once', 1],
    ['skip', 0],
  ] as const)(
    'given catchUp %s, when the processes were down for 3 days over the Friday fire, then %i bulletin starts when they are back',
    async (policy, expected) => {
      const bundle = structuredClone(bundles.get('supervision-bulletin')!);
      bundle.definition.schedules![0]!.catchUp = policy;
      district = await District.create(kind, '2026-11-30T00:00:00.000Z', []);
      await district.runtimes[0]!.definitions.publish(bundle, 'admin');
      await district.at('2026-12-03T00:00:00.000Z');
      // Down from Thursday to Monday: the Friday 17:00 fire passes unseen.
      expect(await district.at('2026-12-07T09:00:00.000Z')).toBe(expected);
      expect((await district.cases('supervision-bulletin')).length).toBe(expected);
      // Back to normal: the next Friday starts on time under either policy.
      expect(await district.at('2026-12-11T09:00:05.000Z')).toBe(1);
    },
    SLOW,
  );
});

describe.each(testBackends())('working-day deadlines on %s', (kind) => {
  let district: District | undefined;
  afterEach(async () => {
    await district?.open.close();
    district = undefined;
  }, SLOW);

  /** An accountability case whose statement task (3 working days) opens at `at`. */
  async function statementDue(at: string): Promise<string | undefined> {
    const runtime = district!.runtimes[0]!;
    await district!.at(at);
    const { instanceId } = await runtime.start({
      definitionKey: 'accountability-investigation',
      data: accountability.report(),
      actor: { username: 'insp1' },
    });
    let snapshot = (await runtime.snapshot(instanceId))!;
    const investigate = snapshot.tasks[0]!;
    await runtime.execute(
      instanceId,
      { type: 'complete', taskId: investigate.id, outcome: 'submit', data: accountability.investigation() },
      { username: 'insp1' },
    );
    snapshot = (await runtime.snapshot(instanceId))!;
    return snapshot.tasks.find((t) => t.stateId === 'statement')?.dueAt;
  }

  it(
    'given 2027 entered by an administrator, when a 3-working-day statement is asked for on Friday 2027-02-05, then it is due Wednesday 02-17, after the Spring Festival',
    async () => {
      district = await District.create(kind, '2027-02-01T00:00:00.000Z', ['accountability-investigation']);
      await saveCalendarDays(district.open.db, { days: DAYS_2027, changedBy: 'admin' });
      expect(await statementDue('2027-02-05T02:00:00.000Z')).toBe('2027-02-17T02:00:00.000Z');
    },
    SLOW,
  );

  it(
    'given only the chinese-days data, when it is asked for on Friday 2026-02-13, then the make-up Saturday counts and it is due Wednesday 02-25',
    async () => {
      district = await District.create(kind, '2026-02-01T00:00:00.000Z', ['accountability-investigation']);
      expect(await statementDue('2026-02-13T02:00:00.000Z')).toBe('2026-02-25T02:00:00.000Z');
    },
    SLOW,
  );
});
