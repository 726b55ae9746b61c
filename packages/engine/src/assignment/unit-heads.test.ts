import { describe, expect, it } from 'vitest';
import type { DirectorySeed } from './directory-seed';
import { InMemoryDirectory } from './in-memory-directory';
import { unitHeads } from './unit-heads';

const t = { 'zh-CN': '名', en: 'name' };
const user = (username: string, extra: { superior?: string; disabled?: boolean } = {}) => ({
  username,
  displayName: t,
  ...extra,
});

const seed: DirectorySeed = {
  users: [
    user('admin'),
    user('leaderA'),
    user('leaderB'),
    user('sec1'),
    user('sec2'),
    user('head101'),
    user('worker101'),
    user('worker102'),
    user('discLead'),
    user('inspector'),
    user('organMember'),
    user('rep', { superior: 'leaderA' }),
    user('gone', { disabled: true }),
    user('orphanRep', { superior: 'gone' }),
  ],
  units: [
    { id: 'district', kind: 'district', name: t, parent: null },
    { id: 'branch-1', kind: 'branch', name: t, parent: 'district' },
    { id: 'branch-2', kind: 'branch', name: t, parent: 'district' },
    { id: 'station-101', kind: 'station', name: t, parent: 'branch-1' },
    { id: 'station-102', kind: 'station', name: t, parent: 'branch-1' },
    { id: 'supervision', kind: 'supervisionGroup', name: t, parent: 'district' },
    { id: 'organ-1', kind: 'organGroup', name: t, parent: 'district' },
  ],
  memberships: [
    { username: 'admin', role: 'administrator', unit: 'district' },
    { username: 'leaderA', role: 'districtLeader', unit: 'district' },
    { username: 'leaderB', role: 'districtLeader', unit: 'district' },
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
    { username: 'sec2', role: 'branchSecretary', unit: 'branch-2' },
    { username: 'head101', role: 'stationHead', unit: 'station-101' },
    { username: 'worker101', role: 'worker', unit: 'station-101' },
    { username: 'worker102', role: 'worker', unit: 'station-102' },
    { username: 'discLead', role: 'disciplineLeader', unit: 'supervision' },
    { username: 'inspector', role: 'disciplineInspector', unit: 'supervision' },
    { username: 'organMember', role: 'organGroupMember', unit: 'organ-1' },
    { username: 'orphanRep', role: 'workerRep', unit: 'station-101' },
  ],
  contracts: [{ contractor: { user: 'leaderB' }, unit: 'branch-1' }],
};

const superiorOf = (username: string) => new InMemoryDirectory(seed).superiorOf(username);

describe('superiorOf: explicit superior', () => {
  it('given an explicit superior, when asked, then it wins over the derived one', () => {
    expect(superiorOf('rep')).toBe('leaderA');
  });

  it('given a disabled explicit superior, when asked, then the derived one is used', () => {
    expect(superiorOf('orphanRep')).toBe('head101');
  });
});

describe('superiorOf: derived as the nearest head above the user', () => {
  it('given a worker at a station with a head, when asked, then the station head', () => {
    expect(superiorOf('worker101')).toBe('head101');
  });

  it('given a worker at a station without a head, when asked, then the branch secretary above', () => {
    expect(superiorOf('worker102')).toBe('sec1');
  });

  it('given a station head, when asked, then the secretary of the parent branch', () => {
    expect(superiorOf('head101')).toBe('sec1');
  });

  it('given a branch secretary and several district leaders, when asked, then the one contracting the branch', () => {
    expect(superiorOf('sec1')).toBe('leaderB');
  });

  it('given a branch no leader contracts, when its secretary asks, then the first district leader by username', () => {
    expect(superiorOf('sec2')).toBe('leaderA');
  });

  it('given a discipline inspector, when asked, then the discipline leader; and theirs a district leader', () => {
    expect(superiorOf('inspector')).toBe('discLead');
    expect(superiorOf('discLead')).toBe('leaderA');
  });

  it('given an organ group (no head of its own), when a member asks, then a district leader', () => {
    expect(superiorOf('organMember')).toBe('leaderA');
  });

  it('given a district leader, an administrator only, or an unknown user, when asked, then none', () => {
    expect(superiorOf('leaderA')).toBeUndefined();
    expect(superiorOf('admin')).toBeUndefined();
    expect(superiorOf('ghost')).toBeUndefined();
  });
});

describe('unitHeads', () => {
  it('given units of each kind, when heads are asked, then the holders of the head role, or none', () => {
    const directory = new InMemoryDirectory(seed);
    expect(unitHeads(directory, 'district')).toEqual(['leaderA', 'leaderB']);
    expect(unitHeads(directory, 'station-102')).toEqual([]);
    expect(unitHeads(directory, 'organ-1')).toEqual([]);
    expect(unitHeads(directory, 'nowhere')).toEqual([]);
  });
});

describe('superiorOf: oversight roles and heads held higher up', () => {
  const watched: DirectorySeed = {
    ...seed,
    users: [...seed.users, user('sup101'), user('inspector2')],
    units: [...seed.units, { id: 'supervision-2', kind: 'supervisionGroup', name: t, parent: 'district' }],
    memberships: [
      ...seed.memberships,
      { username: 'sup101', role: 'integritySupervisor', unit: 'station-101' },
      { username: 'leaderB', role: 'disciplineLeader', unit: 'district' },
      { username: 'inspector2', role: 'disciplineInspector', unit: 'supervision-2' },
    ],
  };
  const of = (username: string) => new InMemoryDirectory(watched).superiorOf(username);

  it("given a station's integrity supervisor, when asked, then the branch secretary, not the head they watch", () => {
    expect(of('sup101')).toBe('sec1');
  });

  it('given a supervision group without its own discipline leader, when asked, then the one above', () => {
    expect(of('inspector2')).toBe('leaderB');
  });
});
