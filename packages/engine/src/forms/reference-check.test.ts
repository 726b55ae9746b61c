import { describe, expect, it } from 'vitest';
import { InMemoryDirectory } from '../assignment';
import { smallDirectory } from '../stepping/fixtures/expense-bundle';
import { createAjvChecker } from './ajv-checker';
import { createInterpretingChecker } from './interpreter/interpreting-checker';
import { checkReferences } from './reference-check';

const directory = new InMemoryDirectory({
  ...smallDirectory,
  users: [
    ...smallDirectory.users,
    { username: 'gone', displayName: { 'zh-CN': '离职者', en: 'Gone' }, disabled: true },
  ],
});

/** A form naming a cadre (station head or branch secretary), a branch, and a list of witnesses. */
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    cadre: {
      type: 'string',
      title: '谈话对象',
      format: 'flowform-user',
      'x-roles': ['stationHead', 'branchSecretary'],
    },
    branch: { type: 'string', title: '所在支部', format: 'flowform-unit', 'x-unitKinds': ['branch'] },
    place: { type: 'string', title: '地点', format: 'flowform-unit' },
    witnesses: {
      type: 'array',
      title: '见证人',
      items: { type: 'string', format: 'flowform-user' },
    },
  },
};
const labels = { '/cadre': { en: 'Cadre' }, '/branch': { en: 'Branch' }, '/witnesses': { en: 'Witnesses' } };

describe('checking the people and units a form names against the directory', () => {
  it('given known, eligible references, when checked, then there is no error', () => {
    const data = { cadre: 'head', branch: 'b1', place: 's1', witnesses: ['w1', 'sec'] };
    expect(checkReferences(schema, data, directory, labels, 'zh-CN')).toEqual([]);
  });

  it('given an unknown unit, when checked, then a format error at its path names the field in zh-CN and English', () => {
    const zh = checkReferences(schema, { branch: 'b9' }, directory, labels, 'zh-CN');
    expect(zh).toEqual([
      { path: '/branch', keyword: 'format', message: '「所在支部」：组织架构中没有编号为“b9”的单位' },
    ]);
    const en = checkReferences(schema, { branch: 'b9' }, directory, labels, 'en');
    expect(en).toEqual([
      { path: '/branch', keyword: 'format', message: '"Branch": no unit "b9" in the directory' },
    ]);
  });

  it('given a unit of a kind the field does not allow, when checked, then x-unitKinds with both kinds named', () => {
    const [error] = checkReferences(schema, { branch: 's1' }, directory, labels, 'zh-CN');
    expect(error).toEqual({
      path: '/branch',
      keyword: 'x-unitKinds',
      message: '「所在支部」：101站是计量站，不是党支部',
    });
    const [en] = checkReferences(schema, { branch: 's1' }, directory, labels, 'en');
    expect(en?.message).toBe('"Branch": Station 101 is a metering station, not a Party branch');
  });

  it('given a person without any allowed role, when checked, then x-roles naming the person and the roles', () => {
    const [error] = checkReferences(schema, { cadre: 'w1' }, directory, labels, 'zh-CN');
    expect(error).toEqual({
      path: '/cadre',
      keyword: 'x-roles',
      message: '「谈话对象」：职工一（w1）不是站长或支部书记',
    });
    const [en] = checkReferences(schema, { cadre: 'w1' }, directory, labels, 'en');
    expect(en?.message).toBe('"Cadre": Worker 1 (w1) is not a station head or branch secretary');
  });

  it('given an unknown and a disabled person in a list, when checked, then one error per row with its index', () => {
    const errors = checkReferences(
      schema,
      { witnesses: ['w1', 'nobody', 'gone'] },
      directory,
      labels,
      'zh-CN',
    );
    expect(errors).toEqual([
      {
        path: '/witnesses/1',
        keyword: 'format',
        message: '「见证人」第 2 项：组织架构中没有用户名为“nobody”的人员',
      },
      { path: '/witnesses/2', keyword: 'format', message: '「见证人」第 3 项：离职者（gone）的账号已停用' },
    ]);
  });

  it('given a field without a reference format, when it holds any text, then it is not looked up', () => {
    const plain = { type: 'object', properties: { note: { type: 'string' } } };
    expect(checkReferences(plain, { note: 'nobody' }, directory, undefined, 'zh-CN')).toEqual([]);
  });
});

describe('the reference formats and keywords in both schema checkers', () => {
  for (const [name, checker] of [
    ['ajv', createAjvChecker()],
    ['interpreter', createInterpretingChecker()],
  ] as const) {
    it(`given the form, when ${name} checks shapes, then ids pass and white space fails the format`, () => {
      const check = checker.form(schema);
      expect(check({ cadre: 'head', branch: 'b1', witnesses: ['liu.yg'] })).toEqual([]);
      const errors = check({ cadre: 'has space', branch: '' });
      expect(errors.map((e) => [e.instancePath, e.keyword, e.params.format])).toEqual([
        ['/cadre', 'format', 'flowform-user'],
        ['/branch', 'format', 'flowform-unit'],
      ]);
    });

    it(`given x-roles that is not a list of strings, when ${name} prepares the form, then it is refused`, () => {
      const bad = {
        type: 'object',
        properties: { a: { type: 'string', format: 'flowform-user', 'x-roles': 'cadre' } },
      };
      expect(() => checker.form(bad)).toThrow(/x-roles/);
    });
  }
});
