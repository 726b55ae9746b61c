import { describe, expect, it } from 'vitest';
import { contractingUsers } from './contracting';
import type { DirectorySeed } from './directory-seed';
import { InMemoryDirectory } from './in-memory-directory';

const t = { 'zh-CN': '名', en: 'name' };

const seed: DirectorySeed = {
  users: ['leader1', 'leader2', 'leader3', 'helper', 'away'].map((username) => ({
    username,
    displayName: t,
    disabled: username === 'away',
  })),
  units: [
    { id: 'district', kind: 'district', name: t, parent: null },
    { id: 'branch-1', kind: 'branch', name: t, parent: 'district' },
    { id: 'branch-2', kind: 'branch', name: t, parent: 'district' },
    { id: 'branch-3', kind: 'branch', name: t, parent: 'district' },
    { id: 'organ-1', kind: 'organGroup', name: t, parent: 'district' },
    { id: 'station-101', kind: 'station', name: t, parent: 'branch-1' },
    { id: 'station-102', kind: 'station', name: t, parent: 'branch-1' },
    { id: 'station-103', kind: 'station', name: t, parent: 'branch-1' },
    { id: 'station-301', kind: 'station', name: t, parent: 'branch-3' },
    { id: 'patch-1', kind: 'patch', name: t, parent: 'branch-1' },
    { id: 'patch-2', kind: 'patch', name: t, parent: 'branch-2' },
  ],
  memberships: [],
  contracts: [
    { contractor: { user: 'leader2' }, unit: 'branch-1' },
    { contractor: { user: 'leader1' }, unit: 'branch-1' },
    { contractor: { user: 'leader2' }, unit: 'branch-2' },
    { contractor: { user: 'away' }, unit: 'branch-3' },
    { contractor: { unit: 'branch-1' }, unit: 'station-101' },
    { contractor: { unit: 'organ-1' }, unit: 'station-102' },
    { contractor: { user: 'helper' }, unit: 'patch-1' },
    { contractor: { user: 'leader3' }, unit: 'organ-1' },
    { contractor: { unit: 'organ-1' }, unit: 'station-103' },
    { contractor: { unit: 'branch-2' }, unit: 'station-103' },
  ],
};

const contractors = (unit: string) => contractingUsers(new InMemoryDirectory(seed), unit);

describe('contractingUsers', () => {
  it('given a branch contracted by two leaders, when asked, then both, sorted', () => {
    expect(contractors('branch-1')).toEqual(['leader1', 'leader2']);
  });

  it('given a patch contracted by a person, when asked, then that person', () => {
    expect(contractors('patch-1')).toEqual(['helper']);
  });

  it('given a station contracted by its branch, when asked, then the leaders contracting the branch', () => {
    expect(contractors('station-101')).toEqual(['leader1', 'leader2']);
  });

  it('given a station contracted by an organ group its leader contracts, when asked, then that leader', () => {
    expect(contractors('station-102')).toEqual(['leader3']);
  });

  it('given a station contracted by two units, when asked, then the union of their leaders', () => {
    expect(contractors('station-103')).toEqual(['leader2', 'leader3']);
  });

  it('given a patch nobody contracts, when asked, then the leader of its parent branch', () => {
    const directory = new InMemoryDirectory({
      ...seed,
      contracts: seed.contracts.filter((c) => c.unit !== 'patch-1'),
    });
    expect(contractingUsers(directory, 'patch-1')).toEqual(['leader1', 'leader2']);
  });

  it('given a branch whose only contractor is disabled, when asked, then the walk goes on and finds nobody', () => {
    expect(contractors('station-301')).toEqual([]);
    expect(contractors('branch-3')).toEqual([]);
  });

  it('given the organ group chain leads nowhere, when asked, then the station falls back to its parent branch', () => {
    const directory = new InMemoryDirectory({
      ...seed,
      contracts: seed.contracts.filter((c) => c.unit !== 'organ-1'),
    });
    expect(contractingUsers(directory, 'station-102')).toEqual(['leader1', 'leader2']);
  });

  it('given contracting units that contract each other, when asked, then the cycle is cut', () => {
    const directory = new InMemoryDirectory({
      ...seed,
      contracts: [
        { contractor: { unit: 'branch-2' }, unit: 'branch-1' },
        { contractor: { unit: 'branch-1' }, unit: 'branch-2' },
      ],
    });
    expect(contractingUsers(directory, 'branch-1')).toEqual([]);
  });

  it('given an unknown unit, when asked, then nobody', () => {
    expect(contractors('nowhere')).toEqual([]);
  });
});
