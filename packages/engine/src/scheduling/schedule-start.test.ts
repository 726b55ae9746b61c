import { describe, expect, it } from 'vitest';
import type { ProcessDefinition, ScheduleDef } from '../definition/definition-types';
import { scheduleStartData, schedulePeople } from './schedule-start';

const definition = {
  key: 'sample',
  caseSchema: {
    type: 'object',
    properties: {
      weekOf: { type: 'string' },
      year: { type: 'integer' },
      quarter: { type: 'integer' },
      cadre: { type: 'string' },
      cadres: { type: 'array', items: { type: 'string' } },
    },
  },
} as unknown as ProcessDefinition;

const people = schedulePeople({
  users: [
    { username: 'wang', displayName: { 'zh-CN': '王', en: 'Wang' }, disabled: false },
    { username: 'li', displayName: { 'zh-CN': '李', en: 'Li' }, disabled: false },
    { username: 'zhao', displayName: { 'zh-CN': '赵', en: 'Zhao' }, disabled: true },
  ],
  units: [],
  memberships: [
    { username: 'wang', role: 'grassrootsCadre', unit: 'station-1' },
    { username: 'li', role: 'grassrootsCadre', unit: 'station-2' },
    { username: 'zhao', role: 'grassrootsCadre', unit: 'station-3' },
  ],
  contracts: [],
} as never);

describe('schedule start data', () => {
  it('given a Friday 17:00 fire, when the data is computed, then dates and numbers are read in Shanghai time', () => {
    const schedule: ScheduleDef = {
      id: 'w',
      when: 'every Friday 17:00',
      start: {
        data: {
          weekOf: 'localDate(now + duration("72h"), "Asia/Shanghai")',
          year: 'now.getFullYear("Asia/Shanghai")',
          quarter: 'now.getMonth("Asia/Shanghai") / 3 + 1',
          cadres: 'people.filter(p, "grassrootsCadre" in p.roles).map(p, p.username)',
        },
      },
    };
    expect(scheduleStartData(definition, schedule, '2026-12-31T16:30:00.000Z', people)).toEqual([
      { weekOf: '2027-01-04', year: 2027, quarter: 1, cadres: ['li', 'wang'] },
    ]);
  });

  it('given forEach over the cadres, then one case per active cadre, disabled ones left out', () => {
    const schedule: ScheduleDef = {
      id: 'c',
      when: '0 9 1 * *',
      start: { forEach: 'people.filter(p, "grassrootsCadre" in p.roles)', data: { cadre: 'item.username' } },
    };
    expect(scheduleStartData(definition, schedule, '2027-01-01T01:00:00.000Z', people)).toEqual([
      { cadre: 'li' },
      { cadre: 'wang' },
    ]);
  });
});
