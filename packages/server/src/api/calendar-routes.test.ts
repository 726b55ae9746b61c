import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

const NEW_YEAR_2027 = { date: '2027-01-01', kind: 'off', name: '元旦' };

describe('the working-day calendar and schedule previews', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 180_000);
  afterAll(() => s.close());

  it('given an administrator, when the calendar is read, then it is version 0 over the package years, and a save makes version 1 naming who', async () => {
    const before = await body(await s.call('GET', '/api/admin/calendar', { as: 'admin' }));
    expect(before).toMatchObject({ version: 0, days: [], packageYears: { from: 2004, to: 2026 } });
    const saved = await s.call('PUT', '/api/admin/calendar', {
      as: 'admin',
      body: { days: [NEW_YEAR_2027], comment: '2027 元旦', expectedVersion: 0 },
    });
    expect(saved.status).toBe(200);
    const after = await body(saved);
    expect(after.version).toBe(1);
    expect(after.days).toEqual([NEW_YEAR_2027]);
    expect(after.history[0]).toMatchObject({ version: 1, changedBy: 'admin', comment: '2027 元旦', days: 1 });
  });

  it('given a year the package covers, when its days are read, then the Spring Festival and its make-up Saturday are there; a later year is empty', async () => {
    const y2026 = await body(await s.call('GET', '/api/admin/calendar/package/2026', { as: 'admin' }));
    expect(y2026.year).toBe(2026);
    expect(y2026.days).toContainEqual({ date: '2026-02-17', kind: 'off', name: '春节' });
    expect(y2026.days).toContainEqual(expect.objectContaining({ date: '2026-02-14', kind: 'work' }));
    const y2030 = await body(await s.call('GET', '/api/admin/calendar/package/2030', { as: 'admin' }));
    expect(y2030.days).toEqual([]);
    expect((await s.call('GET', '/api/admin/calendar/package/2026', { as: 'sec1' })).status).toBe(403);
  });

  it('given a save over a version the editor had not seen, then 409', async () => {
    const res = await s.call('PUT', '/api/admin/calendar', {
      as: 'admin',
      body: { days: [], expectedVersion: 0 },
    });
    expect(res.status).toBe(409);
  });

  it('given a date listed twice or not a date, then a problem names the field', async () => {
    const res = await s.call('PUT', '/api/admin/calendar', {
      as: 'admin',
      body: {
        days: [NEW_YEAR_2027, NEW_YEAR_2027, { date: '2027-02-30', kind: 'off', name: 'x' }],
        expectedVersion: 1,
      },
    });
    expect([400, 422]).toContain(res.status);
    const text = JSON.stringify(await body(res));
    expect(text).toContain('listed twice');
    expect(text).toMatch(/days.*2.*date/);
  });

  it('given someone not an administrator, then the calendar is 403', async () => {
    expect((await s.call('GET', '/api/admin/calendar', { as: 'sec1' })).status).toBe(403);
  });

  it('given a named rule, when previewed, then five Friday 17:00 fires come back; given nonsense, then 422 schedule-invalid', async () => {
    const ok = await body(
      await s.call('POST', '/api/designer/schedule-preview', {
        as: 'sec1',
        body: { when: 'every Friday 17:00' },
      }),
    );
    expect(ok.fires).toHaveLength(5);
    for (const fire of ok.fires) {
      expect(new Date(fire).getUTCDay()).toBe(5);
      expect(new Date(fire).getUTCHours()).toBe(9);
    }
    const bad = await s.call('POST', '/api/designer/schedule-preview', {
      as: 'sec1',
      body: { when: 'every Fryday' },
    });
    expect(bad.status).toBe(422);
    expect(await body(bad)).toMatchObject({ code: 'schedule-invalid', errors: [{ path: '/when' }] });
  });
});
