import { describe, expect, it } from 'vitest';
import {
  childKinds,
  indexOrganisation,
  moveRoleOps,
  personOps,
  rolesForKind,
  searchPeople,
} from './org-index';
import type { Organisation } from './organisation-api';

const name = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const ORG: Organisation = {
  version: '7',
  units: [
    { id: 'station-2', kind: 'station', name: name('2站', 'Station 2'), parent: 'branch-1' },
    { id: 'district', kind: 'district', name: name('区', 'District'), parent: null },
    { id: 'branch-1', kind: 'branch', name: name('一支部', 'Branch 1'), parent: 'district' },
    { id: 'station-10', kind: 'station', name: name('10站', 'Station 10'), parent: 'branch-1' },
  ],
  people: [
    {
      username: 'sec1',
      displayName: name('张书记', 'Zhang'),
      phone: '13800000001',
      active: true,
      superior: null,
    },
    {
      username: 'w1',
      displayName: name('刘永刚', 'Liu Yonggang'),
      phone: null,
      active: false,
      superior: 'sec1',
    },
    { username: 'w2', displayName: name('王五', 'Wang Wu'), phone: null, active: true, superior: 'sec1' },
  ],
  memberships: [
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
    { username: 'w1', role: 'worker', unit: 'station-2' },
    { username: 'w2', role: 'worker', unit: 'station-2' },
  ],
  contracts: [
    { contractor: { unit: 'branch-1' }, unit: 'station-2' },
    { contractor: { user: 'sec1' }, unit: 'branch-1' },
  ],
};

describe('the organisation index', () => {
  const index = indexOrganisation(ORG);

  it('given units in any order, when indexed, then the tree has the root and children sorted by number', () => {
    expect(index.roots.map((u) => u.id)).toEqual(['district']);
    expect(index.children('branch-1').map((u) => u.id)).toEqual(['station-2', 'station-10']);
    expect(index.path('station-10').map((u) => u.id)).toEqual(['district', 'branch-1', 'station-10']);
  });

  it('given memberships and contracts, when looked up, then by unit, by person and by contractor', () => {
    expect(index.membersOf('station-2').map((m) => m.username)).toEqual(['w1', 'w2']);
    expect(index.rolesOf('sec1')).toEqual([{ username: 'sec1', role: 'branchSecretary', unit: 'branch-1' }]);
    expect(index.contractorsOf('station-2')).toEqual([
      { contractor: { unit: 'branch-1' }, unit: 'station-2' },
    ]);
    expect(index.contractedBy({ user: 'sec1' }).map((c) => c.unit)).toEqual(['branch-1']);
  });

  it('given a query, when searching people, then names in both languages, usernames and phones match, active first', () => {
    expect(searchPeople(ORG.people, '刘').map((p) => p.username)).toEqual(['w1']);
    expect(searchPeople(ORG.people, 'liu').map((p) => p.username)).toEqual(['w1']);
    expect(searchPeople(ORG.people, '1380000').map((p) => p.username)).toEqual(['sec1']);
    expect(searchPeople(ORG.people, '').map((p) => p.username)).toEqual(['sec1', 'w2', 'w1']);
  });

  it('given unit kinds, when asked, then a station holds a station head but no branch secretary, and a branch takes stations', () => {
    expect(rolesForKind('station')).toContain('stationHead');
    expect(rolesForKind('station')).not.toContain('branchSecretary');
    expect(rolesForKind('branch')).toContain('branchSecretary');
    expect(childKinds('branch')).toEqual(expect.arrayContaining(['station', 'patch']));
    expect(childKinds('station')).not.toContain('branch');
  });

  it('given a role moved to another unit, when turned into operations, then it is removed there and added here', () => {
    expect(moveRoleOps({ username: 'w2', role: 'worker', unit: 'station-2' }, 'station-10')).toEqual([
      { op: 'removeMembership', username: 'w2', role: 'worker', unit: 'station-2' },
      { op: 'addMembership', username: 'w2', role: 'worker', unit: 'station-10' },
    ]);
    expect(moveRoleOps({ username: 'w2', role: 'worker', unit: 'station-2' }, 'station-2')).toEqual([]);
  });

  it('given a person form, when compared with the record, then only what changed becomes operations', () => {
    const sec1 = ORG.people[0]!;
    const same = { username: 'sec1', displayName: sec1.displayName, phone: '13800000001', active: true };
    expect(personOps(sec1, same)).toEqual([]);
    expect(personOps(sec1, { ...same, phone: ' ' })).toEqual([
      { op: 'setPerson', username: 'sec1', phone: null },
    ]);
    expect(personOps(sec1, { ...same, active: false })).toEqual([
      { op: 'deactivatePerson', username: 'sec1' },
    ]);
    expect(personOps(ORG.people[1], { ...same, username: 'w1', phone: '', active: true })).toEqual([
      { op: 'setPerson', username: 'w1', displayName: sec1.displayName },
      { op: 'setPerson', username: 'w1', active: true },
    ]);
    expect(personOps(undefined, { ...same, username: 'new1' })).toEqual([
      { op: 'addPerson', username: 'new1', displayName: sec1.displayName, phone: '13800000001' },
    ]);
  });
});
