import { describe, expect, it } from 'vitest';
import { WEEKDAYS_ONLY } from '../calendar';
import type { ScheduleDef } from '../definition/definition-types';
import { decideFire } from './catch-up';

const weekly = (catchUp: ScheduleDef['catchUp']): ScheduleDef => ({
  id: 'w',
  when: 'every Friday 17:00',
  catchUp,
});
const friday = '2026-12-04T09:00:00.000Z';

describe('catch-up after downtime', () => {
  it('given a fire seen on time, then it starts, whatever the policy', () => {
    for (const policy of ['skip', 'once'] as const) {
      expect(decideFire(weekly(policy), friday, '2026-12-04T09:00:01.000Z', WEEKDAYS_ONLY)).toEqual({
        start: friday,
        covered: 1,
        next: '2026-12-11T09:00:00.000Z',
      });
    }
  });

  it('given a 3-day outage over the Friday fire and catchUp skip, then nothing starts and the next Friday is due', () => {
    expect(decideFire(weekly('skip'), friday, '2026-12-07T09:00:00.000Z', WEEKDAYS_ONLY)).toEqual({
      covered: 1,
      next: '2026-12-11T09:00:00.000Z',
    });
  });

  it('given a 3-day outage and catchUp once, then one case starts for the missed fire', () => {
    expect(decideFire(weekly('once'), friday, '2026-12-07T09:00:00.000Z', WEEKDAYS_ONLY).start).toBe(friday);
  });

  it('given three missed Fridays and catchUp once, then one case starts, for the latest of them', () => {
    expect(decideFire(weekly('once'), friday, '2026-12-21T00:00:00.000Z', WEEKDAYS_ONLY)).toEqual({
      start: '2026-12-18T09:00:00.000Z',
      covered: 3,
      next: '2026-12-25T09:00:00.000Z',
    });
  });
});
