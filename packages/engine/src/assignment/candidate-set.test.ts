import { describe, expect, it } from 'vitest';
import { canActOn, candidateSet, expandCandidates, mergeCandidates } from './candidate-set';
import type { DirectorySeed } from './directory-seed';
import { InMemoryDirectory } from './in-memory-directory';

const t = { 'zh-CN': '名', en: 'name' };

const seed: DirectorySeed = {
  users: ['sec1', 'sec2', 'rep1', 'rep2', 'off'].map((username) => ({
    username,
    displayName: t,
    disabled: username === 'off',
  })),
  units: [
    { id: 'branch-1', kind: 'branch', name: t, parent: null },
    { id: 'branch-2', kind: 'branch', name: t, parent: null },
  ],
  memberships: [
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
    { username: 'sec2', role: 'branchSecretary', unit: 'branch-2' },
    { username: 'rep2', role: 'workerRep', unit: 'branch-1' },
    { username: 'rep1', role: 'workerRep', unit: 'branch-1' },
    { username: 'off', role: 'workerRep', unit: 'branch-1' },
  ],
  contracts: [],
};

describe('candidateSet and mergeCandidates', () => {
  it('given duplicates in any order, when normalised, then deduplicated and sorted by role then unit', () => {
    const set = candidateSet(
      ['b', 'a', 'b'],
      [
        { role: 'workerRep', unit: 'branch-1' },
        { role: 'branchSecretary', unit: 'branch-2' },
        { role: 'branchSecretary', unit: 'branch-1' },
        { role: 'workerRep', unit: 'branch-1' },
      ],
    );
    expect(set).toEqual({
      users: ['a', 'b'],
      roles: [
        { role: 'branchSecretary', unit: 'branch-1' },
        { role: 'branchSecretary', unit: 'branch-2' },
        { role: 'workerRep', unit: 'branch-1' },
      ],
    });
  });

  it('given several sets, when merged, then their normalised union', () => {
    const merged = mergeCandidates([
      candidateSet(['x'], [{ role: 'r', unit: 'u' }]),
      candidateSet(['w', 'x'], [{ role: 'r', unit: 'u' }]),
    ]);
    expect(merged).toEqual({ users: ['w', 'x'], roles: [{ role: 'r', unit: 'u' }] });
  });
});

describe('expandCandidates', () => {
  it('given users and roles, when expanded, then the active people they mean now, sorted', () => {
    const directory = new InMemoryDirectory(seed);
    const set = candidateSet(['sec2', 'off', 'rep1'], [{ role: 'workerRep', unit: 'branch-1' }]);
    expect(expandCandidates(set, directory)).toEqual(['rep1', 'rep2', 'sec2']);
  });
});

describe('canActOn', () => {
  const set = candidateSet(['sec2', 'off'], [{ role: 'workerRep', unit: 'branch-1' }]);

  it('given a listed user or a role holder, when asked, then they may act', () => {
    const directory = new InMemoryDirectory(seed);
    expect(canActOn('sec2', set, directory)).toBe(true);
    expect(canActOn('rep1', set, directory)).toBe(true);
  });

  it('given someone neither listed nor holding a role, when asked, then they may not', () => {
    expect(canActOn('sec1', set, new InMemoryDirectory(seed))).toBe(false);
    expect(canActOn('ghost', set, new InMemoryDirectory(seed))).toBe(false);
  });

  it('given a disabled user, listed or holding the role, when asked, then they may not act', () => {
    const directory = new InMemoryDirectory(seed);
    expect(canActOn('off', set, directory)).toBe(false);
    directory.setDisabled('rep1', true);
    expect(canActOn('rep1', set, directory)).toBe(false);
  });

  it('given a task offered to a role, when setRoleHolder replaces the holder, then the new one may act, not the old', () => {
    // given
    const directory = new InMemoryDirectory(seed);
    const task = candidateSet([], [{ role: 'branchSecretary', unit: 'branch-1' }]);
    // when
    directory.setRoleHolder('branchSecretary', 'branch-1', 'rep1');
    // then
    expect(canActOn('rep1', task, directory)).toBe(true);
    expect(canActOn('sec1', task, directory)).toBe(false);
  });
});
