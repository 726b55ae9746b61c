import { describe, expect, it } from 'vitest';
import { diffDirectory } from './directory-diff';
import { applyDirectoryOps, withDerivedSuperiors } from './directory-ops';
import type { DirectorySeed } from './directory-seed';

const t = (en: string) => ({ 'zh-CN': en, en });
const seed: DirectorySeed = {
  users: ['leader1', 'sec3', 'com3a', 'head108', 'w108'].map((u) => ({ username: u, displayName: t(u) })),
  units: [
    { id: 'district', kind: 'district', name: t('district'), parent: null },
    { id: 'branch-3', kind: 'branch', name: t('b3'), parent: 'district' },
    { id: 'station-108', kind: 'station', name: t('s108'), parent: 'branch-3' },
  ],
  memberships: [
    { username: 'leader1', role: 'districtLeader', unit: 'district' },
    { username: 'sec3', role: 'branchSecretary', unit: 'branch-3' },
    { username: 'sec3', role: 'cadre', unit: 'branch-3' },
    { username: 'com3a', role: 'branchCommitteeMember', unit: 'branch-3' },
    { username: 'com3a', role: 'worker', unit: 'station-108' },
    { username: 'head108', role: 'stationHead', unit: 'station-108' },
    { username: 'w108', role: 'worker', unit: 'station-108' },
  ],
  contracts: [{ contractor: { user: 'leader1' }, unit: 'branch-3' }],
};

describe('applyDirectoryOps: refusals name the operation and field', () => {
  it('given operations with bad references, when applied, then each is refused at its path in both languages', () => {
    const { issues } = applyDirectoryOps(seed, [
      { op: 'addUnit', id: 'station-999', kind: 'station', name: t('x'), parent: 'branch-9' },
      { op: 'moveUnit', id: 'branch-3', parent: 'station-108' },
      { op: 'addMembership', username: 'ghost', role: 'worker', unit: 'station-108' },
      { op: 'addPerson', username: 'sec3', displayName: t('again') },
      { op: 'addMembership', username: 'w108', role: 'branchSecretary', unit: 'station-108' },
      { op: 'addUnit', id: 'station-200', kind: 'station', name: t('y'), parent: 'district' },
    ]);
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/ops/0/parent', 'unknown-unit'],
      ['/ops/1/parent', 'unit-parent-kind'],
      ['/ops/2/username', 'unknown-user'],
      ['/ops/3/username', 'duplicate-username'],
      ['/ops/4/role', 'role-unit-kind'],
      ['/ops/5/parent', 'unit-parent-kind'],
    ]);
    expect(issues[4]!.message['zh-CN']).toContain('党支部');
    expect(issues[4]!.message.en).toContain('Party branch');
  });

  it('given a station moved under its own patch, when applied, then the kind rules refuse it', () => {
    const withPatch = applyDirectoryOps(seed, [
      { op: 'addUnit', id: 'patch-9', kind: 'patch', name: t('p'), parent: 'station-108' },
      { op: 'moveUnit', id: 'station-108', parent: 'patch-9' },
    ]);
    expect(withPatch.issues.map((i) => [i.path, i.code])).toEqual([['/ops/1/parent', 'unit-parent-kind']]);
  });
});

describe('applyDirectoryOps: a new branch secretary', () => {
  it('given com3a replaces sec3, when applied, then the post and its cadre role move and com3a leaves the committee', () => {
    const { seed: after, issues } = applyDirectoryOps(seed, [
      { op: 'setRoleHolder', role: 'branchSecretary', unit: 'branch-3', username: 'com3a' },
    ]);
    expect(issues).toEqual([]);
    const inBranch = after.memberships
      .filter((m) => m.unit === 'branch-3')
      .map((m) => `${m.username}:${m.role}`);
    expect(inBranch.sort()).toEqual(['com3a:branchSecretary', 'com3a:cadre']);
    const superiors = withDerivedSuperiors(after).users.map((u) => [u.username, u.superior]);
    expect(superiors).toContainEqual(['head108', 'com3a']);
    expect(superiors.filter(([, s]) => s === 'sec3')).toEqual([]);
  });

  it('given a person who left, when they are deactivated, then their roles and contracts end', () => {
    const { seed: after } = applyDirectoryOps(seed, [{ op: 'deactivatePerson', username: 'leader1' }]);
    expect(after.memberships.some((m) => m.username === 'leader1')).toBe(false);
    expect(after.contracts).toEqual([]);
    expect(after.users.find((u) => u.username === 'leader1')?.disabled).toBe(true);
  });
});

describe('diffDirectory', () => {
  it('given two directories, when the diff is applied to the first, then it gives the second', () => {
    const target: DirectorySeed = {
      users: [
        ...seed.users.filter((u) => u.username !== 'w108'),
        { username: 'new1', displayName: t('n'), phone: '139' },
      ],
      units: [
        ...seed.units,
        { id: 'station-120', kind: 'station', name: t('s120'), parent: 'branch-3' },
        { id: 'well-1', kind: 'well', name: t('w'), parent: 'station-120' },
      ],
      memberships: [
        ...seed.memberships.filter((m) => m.username !== 'w108'),
        { username: 'new1', role: 'stationHead', unit: 'station-120' },
      ],
      contracts: [{ contractor: { user: 'new1' }, unit: 'well-1' }],
    };
    const ops = diffDirectory(seed, target);
    const { seed: after, issues } = applyDirectoryOps(seed, ops);
    expect(issues).toEqual([]);
    expect(
      diffDirectory(after, { ...target, users: [...target.users, { ...seed.users[4]!, disabled: true }] }),
    ).toEqual([]);
    expect(ops.map((o) => o.op)).toEqual([
      'addUnit',
      'addUnit',
      'addPerson',
      'removeMembership',
      'removeContract',
      'deactivatePerson',
      'addMembership',
      'addContract',
    ]);
  });
});
