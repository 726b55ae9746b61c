import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../definition/definition-types';
import { resolveAssignment } from './assignee-resolver';
import type { AssignmentContext } from './assignment-context';
import { AssignmentError } from './assignment-error';
import { canActOn, expandCandidates } from './candidate-set';
import type { DirectorySeed } from './directory-seed';
import { InMemoryDirectory } from './in-memory-directory';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small district: two branches, three stations, one organ group, the supervision group, one patch. */
const seed: DirectorySeed = {
  users: [
    { username: 'admin', displayName: t('管理员', 'Admin') },
    { username: 'leader1', displayName: t('王建国', 'Wang Jianguo') },
    { username: 'leader2', displayName: t('李明', 'Li Ming') },
    { username: 'sec1', displayName: t('张伟', 'Zhang Wei') },
    { username: 'sec2', displayName: t('刘洋', 'Liu Yang') },
    { username: 'head101', displayName: t('陈强', 'Chen Qiang') },
    { username: 'worker1', displayName: t('赵敏', 'Zhao Min') },
    { username: 'rep1', displayName: t('孙丽', 'Sun Li'), superior: 'sec1' },
    { username: 'retired', displayName: t('周退', 'Zhou Tui'), disabled: true },
    { username: 'disc1', displayName: t('吴纪', 'Wu Ji') },
    { username: 'helper', displayName: t('郑帮', 'Zheng Bang') },
  ],
  units: [
    { id: 'district', kind: 'district', name: t('采油管理四区', 'District 4'), parent: null },
    { id: 'branch-1', kind: 'branch', name: t('第一党支部', 'Branch 1'), parent: 'district' },
    { id: 'branch-2', kind: 'branch', name: t('第二党支部', 'Branch 2'), parent: 'district' },
    { id: 'station-101', kind: 'station', name: t('101计量站', 'Station 101'), parent: 'branch-1' },
    { id: 'station-102', kind: 'station', name: t('102计量站', 'Station 102'), parent: 'branch-1' },
    { id: 'station-201', kind: 'station', name: t('201计量站', 'Station 201'), parent: 'branch-2' },
    { id: 'organ-party', kind: 'organGroup', name: t('党群组', 'Party affairs group'), parent: 'district' },
    {
      id: 'supervision',
      kind: 'supervisionGroup',
      name: t('纪律督查小组', 'Supervision'),
      parent: 'district',
    },
    { id: 'patch-1', kind: 'patch', name: t('第一帮扶片', 'Patch 1'), parent: 'branch-1' },
  ],
  memberships: [
    { username: 'admin', role: 'administrator', unit: 'district' },
    { username: 'leader1', role: 'districtLeader', unit: 'district' },
    { username: 'leader2', role: 'districtLeader', unit: 'district' },
    { username: 'sec1', role: 'branchSecretary', unit: 'branch-1' },
    { username: 'sec2', role: 'branchSecretary', unit: 'branch-2' },
    { username: 'head101', role: 'stationHead', unit: 'station-101' },
    { username: 'worker1', role: 'worker', unit: 'station-101' },
    { username: 'rep1', role: 'workerRep', unit: 'station-101' },
    { username: 'retired', role: 'stationHead', unit: 'station-102' },
    { username: 'disc1', role: 'disciplineInspector', unit: 'supervision' },
  ],
  contracts: [
    { contractor: { user: 'leader1' }, unit: 'branch-1' },
    { contractor: { user: 'leader2' }, unit: 'branch-2' },
    { contractor: { unit: 'branch-1' }, unit: 'station-101' },
    { contractor: { unit: 'organ-party' }, unit: 'station-102' },
    { contractor: { user: 'helper' }, unit: 'patch-1' },
  ],
};

function context(overrides: Partial<AssignmentContext> = {}): AssignmentContext {
  return {
    directory: new InMemoryDirectory(seed),
    data: {},
    initiator: 'worker1',
    performers: {},
    ...overrides,
  };
}

function resolveUsers(rule: AssignmentRule, ctx = context()): string[] {
  const resolution = resolveAssignment(rule, ctx, 'error');
  if (resolution.kind !== 'candidates') throw new Error('expected candidates');
  return expandCandidates(resolution.candidates, ctx.directory);
}

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (e) {
    return e instanceof AssignmentError ? e.code : 'other';
  }
  return undefined;
}

describe('resolveAssignment: each rule kind', () => {
  it('given named users, when resolved, then they are the candidates, sorted and deduplicated', () => {
    const ctx = context();
    const result = resolveAssignment({ kind: 'users', users: ['sec2', 'sec1', 'sec2'] }, ctx);
    expect(result).toEqual({ kind: 'candidates', candidates: { users: ['sec1', 'sec2'], roles: [] } });
  });

  it('given an unknown username, when resolved, then it is assignment-invalid', () => {
    expect(errorCode(() => resolveAssignment({ kind: 'users', users: ['ghost'] }, context()))).toBe(
      'assignment-invalid',
    );
  });

  it('given a role in a fixed unit, when resolved, then the role itself is the candidate', () => {
    const result = resolveAssignment({ kind: 'role', role: 'branchSecretary', unit: 'branch-2' }, context());
    expect(result).toEqual({
      kind: 'candidates',
      candidates: { users: [], roles: [{ role: 'branchSecretary', unit: 'branch-2' }] },
    });
  });

  it('given a role in an unknown unit, when resolved, then it is assignment-invalid', () => {
    const rule: AssignmentRule = { kind: 'role', role: 'branchSecretary', unit: 'nowhere' };
    expect(errorCode(() => resolveAssignment(rule, context()))).toBe('assignment-invalid');
  });

  it('given roleInCaseUnit with up 1 from a station, when resolved, then the branch role is offered', () => {
    const ctx = context({ data: { station: 'station-201' } });
    const rule: AssignmentRule = {
      kind: 'roleInCaseUnit',
      role: 'branchSecretary',
      unitField: 'station',
      up: 1,
    };
    expect(resolveAssignment(rule, ctx)).toEqual({
      kind: 'candidates',
      candidates: { users: [], roles: [{ role: 'branchSecretary', unit: 'branch-2' }] },
    });
  });

  it('given roleInCaseUnit where the unit has no holder, when resolved, then it walks up to one that has', () => {
    const ctx = context({ data: { station: 'station-101' } });
    const rule: AssignmentRule = { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'station' };
    expect(resolveAssignment(rule, ctx)).toMatchObject({
      candidates: { roles: [{ role: 'branchSecretary', unit: 'branch-1' }] },
    });
  });

  it('given roleInCaseUnit whose only holder is disabled, when resolved, then the walk passes over it', () => {
    const ctx = context({ data: { station: 'station-102' } });
    const rule: AssignmentRule = { kind: 'roleInCaseUnit', role: 'stationHead', unitField: 'station' };
    expect(resolveAssignment(rule, ctx, 'skip')).toEqual({ kind: 'skip' });
  });

  it('given the unit field is absent, when resolved, then the case unit is used', () => {
    const ctx = context({ caseUnit: 'station-101' });
    const rule: AssignmentRule = { kind: 'roleInCaseUnit', role: 'stationHead', unitField: 'station' };
    expect(resolveUsers(rule, ctx)).toEqual(['head101']);
  });

  it('given the unit field names an unknown unit or a non-string, when resolved, then it is invalid', () => {
    const rule: AssignmentRule = { kind: 'roleInCaseUnit', role: 'stationHead', unitField: 'station' };
    expect(errorCode(() => resolveAssignment(rule, context({ data: { station: 'x' } })))).toBe(
      'assignment-invalid',
    );
    expect(errorCode(() => resolveAssignment(rule, context({ data: { station: 7 } })))).toBe(
      'assignment-invalid',
    );
  });

  it('given up walks past the root, when resolved, then nobody matches', () => {
    const ctx = context({ data: { station: 'station-101' } });
    const rule: AssignmentRule = {
      kind: 'roleInCaseUnit',
      role: 'districtLeader',
      unitField: 'station',
      up: 3,
    };
    expect(resolveAssignment(rule, ctx, 'skip')).toEqual({ kind: 'skip' });
  });

  it('given contractingLeader on a branch, when resolved, then its contracting leader', () => {
    const rule: AssignmentRule = { kind: 'contractingLeader', unitField: 'branch' };
    expect(resolveUsers(rule, context({ data: { branch: 'branch-2' } }))).toEqual(['leader2']);
  });

  it('given contractingLeader on a station contracted by its branch, when resolved, then the branch leader', () => {
    const rule: AssignmentRule = { kind: 'contractingLeader', unitField: 'station' };
    expect(resolveUsers(rule, context({ data: { station: 'station-101' } }))).toEqual(['leader1']);
  });

  it('given the initiator, when resolved, then the initiator', () => {
    expect(resolveUsers({ kind: 'initiator' }, context({ initiator: 'rep1' }))).toEqual(['rep1']);
  });

  it('given initiatorSuperior, when resolved, then the explicit or derived superior', () => {
    expect(resolveUsers({ kind: 'initiatorSuperior' }, context({ initiator: 'rep1' }))).toEqual(['sec1']);
    expect(resolveUsers({ kind: 'initiatorSuperior' }, context({ initiator: 'worker1' }))).toEqual([
      'head101',
    ]);
  });

  it('given performerOf a state, when resolved, then those who completed it, minus disabled and unknown', () => {
    const ctx = context({ performers: { review: ['sec2', 'retired', 'gone', 'sec1'] } });
    expect(resolveUsers({ kind: 'performerOf', state: 'review' }, ctx)).toEqual(['sec1', 'sec2']);
  });

  it('given a field holding a username or a list, when resolved, then those users', () => {
    const one = context({ data: { talker: 'leader1' } });
    const many = context({ data: { panel: { members: ['leader2', 'leader1'] } } });
    expect(resolveUsers({ kind: 'field', field: 'talker' }, one)).toEqual(['leader1']);
    expect(resolveUsers({ kind: 'field', field: 'panel.members' }, many)).toEqual(['leader1', 'leader2']);
  });

  it('given a field holding something else or an unknown user, when resolved, then it is invalid', () => {
    const rule: AssignmentRule = { kind: 'field', field: 'talker' };
    expect(errorCode(() => resolveAssignment(rule, context({ data: { talker: 3 } })))).toBe(
      'assignment-invalid',
    );
    expect(errorCode(() => resolveAssignment(rule, context({ data: { talker: 'nobody' } })))).toBe(
      'assignment-invalid',
    );
  });

  it('given a cel rule, when resolved, then the injected evaluator decides', () => {
    const evalCel = (expr: string) => (expr === 'data.pair' ? ['sec2', 'leader2'] : 'sec1');
    expect(resolveUsers({ kind: 'cel', expr: 'data.pair' }, context({ evalCel }))).toEqual([
      'leader2',
      'sec2',
    ]);
    expect(resolveUsers({ kind: 'cel', expr: 'x' }, context({ evalCel }))).toEqual(['sec1']);
  });

  it('given a cel rule without an evaluator, when resolved, then it is invalid', () => {
    expect(errorCode(() => resolveAssignment({ kind: 'cel', expr: 'x' }, context()))).toBe(
      'assignment-invalid',
    );
  });

  it('given anyOf, when resolved, then the union of users and roles, deduplicated', () => {
    const rule: AssignmentRule = {
      kind: 'anyOf',
      rules: [
        { kind: 'users', users: ['sec1'] },
        { kind: 'role', role: 'disciplineInspector', unit: 'supervision' },
        { kind: 'initiatorSuperior' },
        { kind: 'field', field: 'missing' },
        { kind: 'users', users: ['sec1'] },
      ],
    };
    expect(resolveAssignment(rule, context({ initiator: 'rep1' }))).toEqual({
      kind: 'candidates',
      candidates: { users: ['sec1'], roles: [{ role: 'disciplineInspector', unit: 'supervision' }] },
    });
  });
});

describe('resolveAssignment: empty policies and disabled users', () => {
  const empty: AssignmentRule = { kind: 'field', field: 'nobodyYet' };

  it('given nobody matches and no policy, when resolved, then the administrators get it, marked as fallback', () => {
    expect(resolveAssignment(empty, context())).toEqual({
      kind: 'candidates',
      candidates: { users: ['admin'], roles: [] },
      fallback: 'admins',
    });
  });

  it('given nobody matches and policy skip, when resolved, then the task is skipped', () => {
    expect(resolveAssignment(empty, context(), 'skip')).toEqual({ kind: 'skip' });
  });

  it('given nobody matches and policy error, when resolved, then assignment-empty is thrown', () => {
    expect(errorCode(() => resolveAssignment(empty, context(), 'error'))).toBe('assignment-empty');
  });

  it('given nobody matches and no active administrator, when resolved with admins, then assignment-empty', () => {
    const directory = new InMemoryDirectory(seed);
    directory.setDisabled('admin', true);
    expect(errorCode(() => resolveAssignment(empty, context({ directory })))).toBe('assignment-empty');
  });

  it('given only disabled users are named, when resolved, then it counts as empty', () => {
    expect(resolveAssignment({ kind: 'users', users: ['retired'] }, context(), 'skip')).toEqual({
      kind: 'skip',
    });
  });

  it('given a fixed role whose holder is disabled, when resolved, then it counts as empty', () => {
    const rule: AssignmentRule = { kind: 'role', role: 'stationHead', unit: 'station-102' };
    expect(resolveAssignment(rule, context(), 'skip')).toEqual({ kind: 'skip' });
  });
});

describe('resolveAssignment: directory changes after resolution', () => {
  it('given a task offered to the branch secretary role, when the holder is replaced, then only the new one may act', () => {
    // given
    const ctx = context({ data: { branch: 'branch-1' } });
    const rule: AssignmentRule = { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'branch' };
    const resolution = resolveAssignment(rule, ctx);
    if (resolution.kind !== 'candidates') throw new Error('expected candidates');
    expect(canActOn('sec1', resolution.candidates, ctx.directory)).toBe(true);
    // when
    (ctx.directory as InMemoryDirectory).setRoleHolder('branchSecretary', 'branch-1', 'head101');
    // then
    expect(canActOn('head101', resolution.candidates, ctx.directory)).toBe(true);
    expect(canActOn('sec1', resolution.candidates, ctx.directory)).toBe(false);
    expect(expandCandidates(resolution.candidates, ctx.directory)).toEqual(['head101']);
  });
});
