import { describe, expect, it } from 'vitest';
import type { AssignmentRule } from '../definition/definition-types';
import { InMemoryDirectory } from './in-memory-directory';
import { roleLabel } from './role-labels';
import { explainRule } from './rule-explanation';

const directory = new InMemoryDirectory({
  users: [{ username: 'leader1', displayName: { 'zh-CN': '王建国', en: 'Wang Jianguo' } }],
  units: [{ id: 'branch-1', kind: 'branch', name: { 'zh-CN': '第一党支部', en: 'Branch 1' }, parent: null }],
  memberships: [],
  contracts: [],
});

const cases: [AssignmentRule, string, string][] = [
  [{ kind: 'users', users: ['a', 'b'] }, '指定人员：a、b', 'the named users: a, b'],
  [
    { kind: 'role', role: 'stationHead', unit: 'station-113' },
    'station-113的站长',
    'the station head of station-113',
  ],
  [
    { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'branch' },
    '案件所属单位的支部书记',
    "the branch secretary of the case's unit",
  ],
  [
    { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'station', up: 1 },
    '案件所属单位的上1级单位的支部书记',
    "the branch secretary of the unit 1 level above the case's unit",
  ],
  [
    { kind: 'contractingLeader', unitField: 'branch' },
    '承包案件所属单位的领导',
    "the leader who contracts the case's unit",
  ],
  [{ kind: 'initiator' }, '发起人', 'the initiator'],
  [{ kind: 'initiatorSuperior' }, '发起人的上级', "the initiator's superior"],
  [
    { kind: 'performerOf', state: 'investigate' },
    '“investigate”环节的办理人',
    'whoever completed step "investigate"',
  ],
  [{ kind: 'field', field: 'talker' }, '表单字段“talker”中填写的人员', 'the person named in field "talker"'],
  [{ kind: 'cel', expr: 'data.panel' }, '表达式计算出的人员：data.panel', 'the users computed by data.panel'],
  [
    { kind: 'anyOf', rules: [{ kind: 'initiator' }, { kind: 'role', role: 'customRole', unit: 'u' }] },
    '发起人，或u的customRole',
    'the initiator, or the customRole of u',
  ],
  [{ kind: 'anyOf', rules: [] }, '无人', 'nobody'],
];

describe('explainRule', () => {
  it.each(cases)('given %j, when explained, then it reads naturally in both languages', (rule, zh, en) => {
    expect(explainRule(rule, 'zh-CN')).toBe(zh);
    expect(explainRule(rule, 'en')).toBe(en);
  });

  it('given a directory, when explained, then users and units show their display names', () => {
    const rule: AssignmentRule = {
      kind: 'anyOf',
      rules: [
        { kind: 'users', users: ['leader1', 'ghost'] },
        { kind: 'role', role: 'branchSecretary', unit: 'branch-1' },
      ],
    };
    expect(explainRule(rule, 'zh-CN', directory)).toBe('指定人员：王建国、ghost，或第一党支部的支部书记');
    expect(explainRule(rule, 'en', directory)).toBe(
      'the named users: Wang Jianguo, ghost, or the branch secretary of Branch 1',
    );
  });
});

describe('roleLabel', () => {
  it('given a known role or another name, when labelled, then its label or the name itself', () => {
    expect(roleLabel('integritySupervisor', 'zh-CN')).toBe('义务廉洁监督员');
    expect(roleLabel('toString', 'en')).toBe('toString');
  });
});
