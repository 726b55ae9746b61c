import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../definition/definition-types';
import type { Directory } from './directory';
import { InMemoryDirectory } from './in-memory-directory';
import { checkRuleSatisfiable } from './rule-satisfiability';

const t = { 'zh-CN': '名', en: 'name' };
const directory = new InMemoryDirectory({
  users: [
    { username: 'sec1', displayName: t },
    { username: 'off', displayName: t, disabled: true },
  ],
  units: [{ id: 'branch-1', kind: 'branch', name: t, parent: null }],
  memberships: [{ username: 'sec1', role: 'branchSecretary', unit: 'branch-1' }],
  contracts: [],
});

const check = (rule: AssignmentRule, dir: Directory = directory) => checkRuleSatisfiable(rule, dir);

describe('checkRuleSatisfiable', () => {
  it('given rules that can name someone, when checked, then ok', () => {
    const rules: AssignmentRule[] = [
      { kind: 'users', users: ['sec1', 'off'] },
      { kind: 'role', role: 'branchSecretary', unit: 'branch-1' },
      { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'station', up: 1 },
      { kind: 'contractingLeader', unitField: 'branch' },
      { kind: 'initiator' },
      { kind: 'initiatorSuperior' },
      { kind: 'performerOf', state: 'review' },
      { kind: 'field', field: 'talker' },
      { kind: 'cel', expr: 'data.talker' },
      { kind: 'anyOf', rules: [{ kind: 'initiator' }, { kind: 'users', users: ['sec1'] }] },
    ];
    for (const rule of rules) expect(check(rule), JSON.stringify(rule)).toEqual({ ok: true });
  });

  it('given unknown or only disabled users, when checked, then not ok with the reason', () => {
    expect(check({ kind: 'users', users: ['sec1', 'ghost'] })).toEqual({
      ok: false,
      reason: 'unknown users: ghost',
    });
    expect(check({ kind: 'users', users: ['off'] })).toEqual({
      ok: false,
      reason: 'all named users are disabled: off',
    });
    expect(check({ kind: 'users', users: [] })).toEqual({ ok: false, reason: 'no users named' });
  });

  it('given an unknown unit or a role nobody holds, when checked, then not ok', () => {
    expect(check({ kind: 'role', role: 'branchSecretary', unit: 'branch-9' })).toEqual({
      ok: false,
      reason: 'unknown unit "branch-9"',
    });
    expect(check({ kind: 'roleInCaseUnit', role: 'branchSecretry', unitField: 'branch' })).toEqual({
      ok: false,
      reason: 'nobody holds role "branchSecretry" anywhere',
    });
  });

  it('given malformed parameters, when checked, then not ok', () => {
    expect(check({ kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'b', up: -1 }).ok).toBe(false);
    expect(check({ kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: ' ' }).ok).toBe(false);
    expect(check({ kind: 'field', field: '' }).ok).toBe(false);
    expect(check({ kind: 'cel', expr: '' }).ok).toBe(false);
    expect(check({ kind: 'performerOf', state: '' }).ok).toBe(false);
    expect(check({ kind: 'contractingLeader', unitField: '' }).ok).toBe(false);
    expect(check({ kind: 'anyOf', rules: [] }).ok).toBe(false);
    expect(check({ kind: 'nonsense' } as unknown as AssignmentRule).ok).toBe(false);
  });

  it('given a failing rule inside anyOf, when checked, then the reason names it', () => {
    const rule: AssignmentRule = {
      kind: 'anyOf',
      rules: [{ kind: 'initiator' }, { kind: 'users', users: ['x'] }],
    };
    expect(check(rule)).toEqual({ ok: false, reason: 'anyOf: unknown users: x' });
  });

  it('given a directory without roleNames, when a role is checked, then the known role names decide', () => {
    const bare: Directory = {
      user: (u) => directory.user(u),
      unit: (u) => directory.unit(u),
      holders: (r, u) => directory.holders(r, u),
      rolesOf: (u) => directory.rolesOf(u),
      contractorsOf: (u) => directory.contractorsOf(u),
      superiorOf: (u) => directory.superiorOf(u),
      administrators: () => directory.administrators(),
    };
    expect(check({ kind: 'role', role: 'workerRep', unit: 'branch-1' }, bare)).toEqual({ ok: true });
    expect(check({ kind: 'role', role: 'custom', unit: 'branch-1' }, bare).ok).toBe(false);
  });
});
