import { describe, expect, it } from 'vitest';
import type { AssignmentContext } from './assignment-context';
import { AssignmentError } from './assignment-error';
import { expandCandidates } from './candidate-set';
import type { DirectorySeed } from './directory-seed';
import { resolveWithExclusions, withoutExcluded } from './exclusion-fallback';
import { InMemoryDirectory } from './in-memory-directory';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** Two district leaders, one discipline leader (also the only inspector), a branch secretary, an admin. */
const seed: DirectorySeed = {
  users: [
    { username: 'admin', displayName: t('管理员', 'Admin') },
    { username: 'leader1', displayName: t('王建国', 'Wang Jianguo') },
    { username: 'leader2', displayName: t('李明', 'Li Ming') },
    { username: 'disc1', displayName: t('吴纪', 'Wu Ji') },
    { username: 'sec1', displayName: t('张伟', 'Zhang Wei') },
  ],
  units: [
    { id: 'district', kind: 'district', name: t('采油管理四区', 'District 4'), parent: null },
    { id: 'branch-1', kind: 'branch', name: t('第一党支部', 'Branch 1'), parent: 'district' },
    {
      id: 'supervision',
      kind: 'supervisionGroup',
      name: t('纪律督查小组', 'Supervision'),
      parent: 'district',
    },
  ],
  memberships: [
    { username: 'admin', role: 'administrator', unit: 'district' },
    { username: 'leader1', role: 'districtLeader', unit: 'district' },
    { username: 'leader2', role: 'districtLeader', unit: 'district' },
    { username: 'disc1', role: 'disciplineLeader', unit: 'supervision' },
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
  ],
  contracts: [{ contractor: { user: 'leader1' }, unit: 'branch-1' }],
};
const directory = new InMemoryDirectory(seed);
const ctx: AssignmentContext = {
  directory,
  data: { branch: 'branch-1' },
  initiator: 'disc1',
  performers: {},
};
const disciplineLeader = { kind: 'role', role: 'disciplineLeader', unit: 'supervision' } as const;

describe('withoutExcluded', () => {
  it('given a role none of whose holders is excluded, when applied, then the role stays a role', () => {
    const candidates = { users: [], roles: [{ role: 'districtLeader', unit: 'district' }] };
    expect(withoutExcluded(candidates, ['sec1'], directory)).toBe(candidates);
  });

  it('given a role one of whose holders is excluded, when applied, then the others are named instead', () => {
    const candidates = { users: [], roles: [{ role: 'districtLeader', unit: 'district' }] };
    expect(withoutExcluded(candidates, ['leader1'], directory)).toEqual({ users: ['leader2'], roles: [] });
  });
});

describe('resolveWithExclusions', () => {
  it('given the only holder is excluded and fallback rules, when resolved, then the first non-empty fallback is used', () => {
    const task = {
      assignment: disciplineLeader,
      onEmpty: {
        fallback: [
          { kind: 'field' as const, field: 'deputy' },
          { kind: 'contractingLeader' as const, unitField: 'branch' },
        ],
      },
    };
    const resolution = resolveWithExclusions(task, ctx, ['disc1']);
    expect(resolution).toEqual({
      kind: 'candidates',
      candidates: { users: ['leader1'], roles: [] },
      fallback: 1,
    });
  });

  it('given nobody is excluded, when resolved, then the assignment rule stands', () => {
    const resolution = resolveWithExclusions({ assignment: disciplineLeader }, ctx, []);
    expect(resolution.kind === 'candidates' && expandCandidates(resolution.candidates, directory)).toEqual([
      'disc1',
    ]);
  });

  it('given every fallback is empty too, when resolved, then the administrators not excluded get it', () => {
    const task = {
      assignment: disciplineLeader,
      onEmpty: { fallback: [{ kind: 'users' as const, users: ['disc1'] }] },
    };
    expect(resolveWithExclusions(task, ctx, ['disc1'])).toEqual({
      kind: 'candidates',
      candidates: { users: ['admin'], roles: [] },
      fallback: 'admins',
    });
  });

  it('given the only administrator is excluded as well, when resolved, then it is assignment-empty', () => {
    const task = { assignment: { kind: 'users' as const, users: ['admin'] } };
    expect(() => resolveWithExclusions(task, ctx, ['admin'])).toThrow(AssignmentError);
  });

  it('given skip, when everyone is excluded, then the task is skipped', () => {
    expect(resolveWithExclusions({ assignment: disciplineLeader, onEmpty: 'skip' }, ctx, ['disc1'])).toEqual({
      kind: 'skip',
    });
  });
});
