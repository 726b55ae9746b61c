import { describe, expect, it } from 'vitest';
import { DirectoryError } from './directory-error';
import type { DirectorySeed } from './directory-seed';
import { InMemoryDirectory } from './in-memory-directory';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

const seed: DirectorySeed = {
  users: [
    { username: 'admin', displayName: t('管理员', 'Admin') },
    { username: 'sec1', displayName: t('张伟', 'Zhang Wei') },
    { username: 'amy', displayName: t('艾米', 'Amy') },
    { username: 'bob', displayName: t('鲍勃', 'Bob') },
    { username: 'old', displayName: t('老李', 'Old Li'), disabled: true },
    { username: 'leader1', displayName: t('王建国', 'Wang Jianguo') },
  ],
  units: [
    { id: 'district', kind: 'district', name: t('采油管理四区', 'District 4'), parent: null },
    { id: 'branch-1', kind: 'branch', name: t('第一党支部', 'Branch 1'), parent: 'district' },
    { id: 'station-101', kind: 'station', name: t('101计量站', 'Station 101') },
  ],
  memberships: [
    { username: 'admin', role: 'administrator', unit: 'district' },
    { username: 'old', role: 'administrator', unit: 'district' },
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
    { username: 'bob', role: 'workerRep', unit: 'branch-1' },
    { username: 'amy', role: 'workerRep', unit: 'branch-1' },
    { username: 'old', role: 'workerRep', unit: 'branch-1' },
    { username: 'amy', role: 'worker', unit: 'station-101' },
    { username: 'amy', role: 'workerRep', unit: 'branch-1' },
  ],
  contracts: [
    { contractor: { user: 'leader1' }, unit: 'branch-1' },
    { contractor: { unit: 'branch-1' }, unit: 'station-101' },
  ],
};

describe('InMemoryDirectory: reading', () => {
  it('given a seed, when users and units are looked up, then they come back with defaults filled in', () => {
    const directory = new InMemoryDirectory(seed);
    expect(directory.user('amy')).toEqual({
      username: 'amy',
      displayName: t('艾米', 'Amy'),
      disabled: false,
    });
    expect(directory.unit('station-101')?.parent).toBeNull();
    expect(directory.user('ghost')).toBeUndefined();
    expect(directory.unit('ghost')).toBeUndefined();
  });

  it('given a returned user, when the caller mutates it, then the directory is unchanged', () => {
    const directory = new InMemoryDirectory(seed);
    directory.user('amy')!.disabled = true;
    expect(directory.user('amy')?.disabled).toBe(false);
  });

  it('given several holders, one disabled, when holders is asked, then the active ones sorted', () => {
    expect(new InMemoryDirectory(seed).holders('workerRep', 'branch-1')).toEqual(['amy', 'bob']);
  });

  it('given a user with several roles, when rolesOf is asked, then each once in seed order', () => {
    expect(new InMemoryDirectory(seed).rolesOf('amy')).toEqual([
      { role: 'workerRep', unit: 'branch-1' },
      { role: 'worker', unit: 'station-101' },
    ]);
  });

  it('given contracts, when contractorsOf is asked, then users and units that contract the unit', () => {
    const directory = new InMemoryDirectory(seed);
    expect(directory.contractorsOf('branch-1')).toEqual([{ user: 'leader1' }]);
    expect(directory.contractorsOf('station-101')).toEqual([{ unit: 'branch-1' }]);
    expect(directory.contractorsOf('district')).toEqual([]);
  });

  it('given a disabled administrator, when administrators is asked, then only the active ones', () => {
    expect(new InMemoryDirectory(seed).administrators()).toEqual(['admin']);
  });

  it('given memberships, when roleNames is asked, then every role held, sorted', () => {
    expect(new InMemoryDirectory(seed).roleNames()).toEqual([
      'administrator',
      'branchSecretary',
      'worker',
      'workerRep',
    ]);
  });
});

describe('InMemoryDirectory: changing', () => {
  it('given a branch secretary, when setRoleHolder names a successor, then the successor replaces them', () => {
    const directory = new InMemoryDirectory(seed);
    directory.setRoleHolder('branchSecretary', 'branch-1', 'bob');
    expect(directory.holders('branchSecretary', 'branch-1')).toEqual(['bob']);
    expect(directory.rolesOf('sec1')).toEqual([]);
  });

  it('given several holders, when setRoleHolder is called, then all of them are replaced', () => {
    const directory = new InMemoryDirectory(seed);
    directory.setRoleHolder('workerRep', 'branch-1', 'sec1');
    expect(directory.holders('workerRep', 'branch-1')).toEqual(['sec1']);
  });

  it('given holders, when one is added and another removed, then the set changes accordingly', () => {
    const directory = new InMemoryDirectory(seed);
    directory.addRoleHolder('workerRep', 'branch-1', 'sec1');
    directory.addRoleHolder('workerRep', 'branch-1', 'sec1');
    directory.removeRoleHolder('workerRep', 'branch-1', 'bob');
    expect(directory.holders('workerRep', 'branch-1')).toEqual(['amy', 'sec1']);
  });

  it('given a user, when disabled, then they stop holding roles and re-enabling restores them', () => {
    const directory = new InMemoryDirectory(seed);
    directory.setDisabled('bob', true);
    expect(directory.holders('workerRep', 'branch-1')).toEqual(['amy']);
    directory.setDisabled('bob', false);
    expect(directory.holders('workerRep', 'branch-1')).toEqual(['amy', 'bob']);
  });

  it('given an unknown user or unit, when a mutator is called, then a DirectoryError with its code', () => {
    const directory = new InMemoryDirectory(seed);
    expect(() => directory.setRoleHolder('worker', 'nowhere', 'amy')).toThrow(
      expect.objectContaining({ code: 'unknown-unit' }),
    );
    expect(() => directory.setRoleHolder('worker', 'branch-1', 'ghost')).toThrow(
      expect.objectContaining({ code: 'unknown-user' }),
    );
    expect(() => directory.setDisabled('ghost', true)).toThrow(DirectoryError);
  });

  it('given a changed directory, when exported with toSeed and rebuilt, then it reads the same', () => {
    const directory = new InMemoryDirectory(seed);
    directory.setRoleHolder('branchSecretary', 'branch-1', 'bob');
    const copy = new InMemoryDirectory(directory.toSeed());
    expect(copy.holders('branchSecretary', 'branch-1')).toEqual(['bob']);
    expect(copy.user('old')?.disabled).toBe(true);
    expect(copy.contractorsOf('station-101')).toEqual([{ unit: 'branch-1' }]);
  });
});

describe('InMemoryDirectory: invalid seeds', () => {
  it('given a seed with a dangling reference, when constructed, then it throws invalid-seed listing problems', () => {
    const bad: DirectorySeed = {
      ...seed,
      memberships: [{ username: 'ghost', role: 'worker', unit: 'branch-1' }],
    };
    try {
      new InMemoryDirectory(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DirectoryError);
      expect((e as DirectoryError).code).toBe('invalid-seed');
      expect((e as DirectoryError).problems).toEqual(['memberships[0].username: unknown user "ghost"']);
    }
  });
});
