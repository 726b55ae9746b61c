import { describe, expect, it } from 'vitest';
import { activeUsernames, caseUnitId, readField } from './case-values';
import { InMemoryDirectory } from './in-memory-directory';

const t = { 'zh-CN': '名', en: 'name' };
const directory = new InMemoryDirectory({
  users: [
    { username: 'a', displayName: t },
    { username: 'off', displayName: t, disabled: true },
  ],
  units: [{ id: 'branch-1', kind: 'branch', name: t, parent: null }],
  memberships: [],
  contracts: [],
});

describe('readField', () => {
  it('given flat and nested data, when read, then plain keys win and dotted paths descend', () => {
    const data = { 'a.b': 1, a: { b: 2, c: { d: 3 } }, n: null };
    expect(readField(data, 'a.b')).toBe(1);
    expect(readField(data, 'a.c.d')).toBe(3);
    expect(readField(data, 'n.x')).toBeUndefined();
    expect(readField(data, 'missing')).toBeUndefined();
  });
});

describe('activeUsernames', () => {
  it('given absent values, when read, then nobody', () => {
    for (const v of [undefined, null, '', []]) expect(activeUsernames(v, 's', directory)).toEqual([]);
  });

  it('given a name or a list with gaps and disabled users, when read, then the active names', () => {
    expect(activeUsernames('a', 's', directory)).toEqual(['a']);
    expect(activeUsernames(['off', null, 'a'], 's', directory)).toEqual(['a']);
  });

  it('given wrong types or unknown names, when read, then assignment-invalid naming the source', () => {
    expect(() => activeUsernames({ user: 'a' }, 'field "x"', directory)).toThrow(
      /field "x": expected usernames/,
    );
    expect(() => activeUsernames(['a', 'b'], 'field "x"', directory)).toThrow('field "x": unknown user "b"');
  });
});

describe('caseUnitId', () => {
  const ctx = (data: Record<string, unknown>, caseUnit?: string) => ({
    directory,
    data,
    initiator: 'a',
    performers: {},
    ...(caseUnit ? { caseUnit } : {}),
  });

  it('given the field or only the case unit, when read, then that unit id', () => {
    expect(caseUnitId(ctx({ unit: 'branch-1' }), 'unit')).toBe('branch-1');
    expect(caseUnitId(ctx({}, 'branch-1'), 'unit')).toBe('branch-1');
    expect(caseUnitId(ctx({}), 'unit')).toBeUndefined();
  });

  it('given an unknown unit, when read, then assignment-invalid', () => {
    expect(() => caseUnitId(ctx({ unit: 'branch-9' }), 'unit')).toThrow(
      'field "unit": unknown unit "branch-9"',
    );
  });
});
