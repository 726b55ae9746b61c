import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start } from '../../testing/case-helpers';
import { openTestServer } from '../../testing/test-server';
import { freshReports } from './report-freshness';

const report = {
  source: 'errorBoard',
  unit: 'station-101',
  personConcerned: 'head101',
  occurredOn: '2026-02-26',
  discoveredOn: '2026-02-27',
  summary: '夜班巡井记录漏填三次',
  details: '2月下旬101计量站夜班巡井记录连续三次漏填。',
};

describe('how fresh the dashboards are', () => {
  let ms = Date.parse('2026-03-02T08:00:00.000Z');
  const at = () => new Date(ms).toISOString();
  let s: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    s = await openTestServer({ clock: at });
  }, 60_000);
  afterAll(() => s?.close());

  const counted = async () =>
    Number(
      (
        await s.ctx.db
          .selectFrom('report_cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('given figures counted 10 s ago, when a case starts, then they stay as counted until they are 30 s old', async () => {
    await start(s, 'insp1', 'accountability-investigation', report);
    const first = at();
    expect(await freshReports(s.ctx.db, at())).toBe(first);
    expect(await counted()).toBe(1);
    ms += 10_000;
    await start(s, 'insp1', 'accountability-investigation', report);
    expect(await freshReports(s.ctx.db, at())).toBe(first);
    expect(await counted()).toBe(1);
    ms += 21_000;
    expect(await freshReports(s.ctx.db, at())).toBe(at());
    expect(await counted()).toBe(2);
  });

  it('given a clock set back before the last count, when asked, then it counts again', async () => {
    ms -= 3_600_000;
    expect(await freshReports(s.ctx.db, at())).toBe(at());
  });
});
