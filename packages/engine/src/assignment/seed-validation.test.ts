import { describe, expect, it } from 'vitest';
import { validateDirectorySeed } from './seed-validation';

const t = { 'zh-CN': '名', en: 'name' };
const valid = {
  users: [
    { username: 'a', displayName: t },
    { username: 'b', displayName: t, superior: 'a', disabled: false },
  ],
  units: [
    { id: 'district', kind: 'district', name: t, parent: null },
    { id: 'branch-1', kind: 'branch', name: t, parent: 'district' },
  ],
  memberships: [{ username: 'a', role: 'branchSecretary', unit: 'branch-1' }],
  contracts: [
    { contractor: { user: 'b' }, unit: 'branch-1' },
    { contractor: { unit: 'district' }, unit: 'branch-1' },
  ],
};

describe('validateDirectorySeed', () => {
  it('given a well-formed seed, when validated, then there are no problems', () => {
    expect(validateDirectorySeed(valid)).toEqual([]);
  });

  it('given something that is not a seed, when validated, then it says so', () => {
    expect(validateDirectorySeed(null)).toEqual(['seed: must be an object']);
    expect(validateDirectorySeed({})).toEqual([
      'users: must be an array',
      'units: must be an array',
      'memberships: must be an array',
      'contracts: must be an array',
    ]);
  });

  it('given bad users, when validated, then duplicates, missing names and bad superiors are reported', () => {
    const problems = validateDirectorySeed({
      ...valid,
      users: [
        { username: 'a', displayName: t, superior: 'a' },
        { username: 'a', displayName: { en: 'x' }, superior: 'ghost', disabled: 'yes' },
        'b',
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'users[2]: must be an object',
        'users[1]: duplicate username "a"',
        'users[1]: displayName needs "zh-CN" and "en"',
        'users[1]: disabled must be a boolean',
        'users[0]: cannot be their own superior',
        'users[1].superior: unknown user "ghost"',
      ]),
    );
  });

  it('given bad units, when validated, then kinds, parents and cycles are reported', () => {
    const problems = validateDirectorySeed({
      ...valid,
      units: [
        { id: 'x', kind: 'team', name: t, parent: 'y' },
        { id: 'y', kind: 'branch', name: t, parent: 'x' },
        { id: 'z', kind: 'station', name: t, parent: 'nowhere' },
      ],
      memberships: [],
      contracts: [],
    });
    expect(problems).toContain(
      'units[0]: kind must be one of district, branch, station, organGroup, supervisionGroup, patch, well',
    );
    expect(problems).toContain('units[2].parent: unknown unit "nowhere"');
    expect(problems).toContain('units: parent cycle through "x"');
  });

  it('given bad memberships and contracts, when validated, then each dangling reference is reported', () => {
    const problems = validateDirectorySeed({
      ...valid,
      memberships: [{ username: 'ghost', role: '', unit: 'nowhere' }],
      contracts: [
        { contractor: { user: 'a', unit: 'district' }, unit: 'branch-1' },
        { contractor: { unit: 'branch-1' }, unit: 'branch-1' },
        { contractor: { user: 'ghost' }, unit: 'nowhere' },
      ],
    });
    expect(problems).toEqual([
      'memberships[0].username: unknown user "ghost"',
      'memberships[0]: role must be a non-empty string',
      'memberships[0].unit: unknown unit "nowhere"',
      'contracts[0]: contractor must be { "user": ... } or { "unit": ... }',
      'contracts[1]: a unit cannot contract itself',
      'contracts[2].unit: unknown unit "nowhere"',
      'contracts[2].contractor.user: unknown user "ghost"',
    ]);
  });
});
