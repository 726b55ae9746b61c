import { describe, expect, it } from 'vitest';
import { describeOp } from './describe-op';
import { indexOrganisation } from './org-index';

const index = indexOrganisation({
  version: '3',
  units: [
    {
      id: 'branch-1',
      kind: 'branch',
      name: { 'zh-CN': '第一党支部', en: 'First Party Branch' },
      parent: null,
    },
  ],
  people: [
    {
      username: 'w010',
      displayName: { 'zh-CN': '兰振华', en: 'Lan Zhenhua' },
      phone: null,
      active: true,
      superior: null,
    },
  ],
  memberships: [],
  contracts: [],
});

describe('a directory operation in words', () => {
  const addStation = {
    op: 'addUnit' as const,
    id: 'station-199',
    kind: 'station' as const,
    name: { 'zh-CN': '199计量站', en: 'Metering Station 199' },
    parent: 'branch-1',
  };
  const head = { op: 'setRoleHolder' as const, role: 'stationHead', unit: 'station-199', username: 'w010' };

  it('given a unit the same change adds, when its head is named, then the sentence uses the new name in either language', () => {
    expect(describeOp(head, index, 'zh-CN', [addStation, head])).toBe(
      '199计量站 的 站长 改由 兰振华 (w010) 担任',
    );
    expect(describeOp(head, index, 'en', [addStation, head])).toBe(
      'Lan Zhenhua (w010) becomes the station head of Metering Station 199',
    );
    expect(describeOp(head, index, 'en')).toContain('station-199');
  });

  it('given the added unit, when described, then kind and parent are named', () => {
    expect(describeOp(addStation, index, 'zh-CN')).toBe('新增单位 199计量站（计量站，上级 第一党支部）');
  });
});
