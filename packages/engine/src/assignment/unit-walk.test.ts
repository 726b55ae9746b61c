import { describe, expect, it } from 'vitest';
import { AssignmentError } from './assignment-error';
import { InMemoryDirectory } from './in-memory-directory';
import { ancestor, nearestUnitWithHolders } from './unit-walk';

const t = { 'zh-CN': '名', en: 'name' };
const directory = new InMemoryDirectory({
  users: [{ username: 'lead', displayName: t }],
  units: [
    { id: 'district', kind: 'district', name: t, parent: null },
    { id: 'branch-1', kind: 'branch', name: t, parent: 'district' },
    { id: 'station-101', kind: 'station', name: t, parent: 'branch-1' },
  ],
  memberships: [{ username: 'lead', role: 'districtLeader', unit: 'district' }],
  contracts: [],
});

describe('ancestor', () => {
  it('given a station, when walking up 0, 1, 2 and 3 levels, then itself, branch, district, then nothing', () => {
    expect([0, 1, 2, 3].map((up) => ancestor(directory, 'station-101', up))).toEqual([
      'station-101',
      'branch-1',
      'district',
      undefined,
    ]);
  });

  it('given a negative or fractional level, when walking, then assignment-invalid', () => {
    expect(() => ancestor(directory, 'station-101', -1)).toThrow(AssignmentError);
    expect(() => ancestor(directory, 'station-101', 1.5)).toThrow(AssignmentError);
  });
});

describe('nearestUnitWithHolders', () => {
  it('given a role held only at the top, when searched from a station, then the top unit', () => {
    expect(nearestUnitWithHolders(directory, 'districtLeader', 'station-101')).toBe('district');
  });

  it('given a role held nowhere above, when searched, then nothing', () => {
    expect(nearestUnitWithHolders(directory, 'stationHead', 'station-101')).toBeUndefined();
  });
});
