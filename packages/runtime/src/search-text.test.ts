import type { CaseSnapshot } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { searchText } from './search-text';

const snap = {
  initiator: 'w1',
  data: { title: '井场维修', amount: 3200, reason: '家庭困难 病重', items: ['抽油机', '管线'] },
} as unknown as CaseSnapshot;

describe('inbox search text', () => {
  it('given no restricted field, when built, then the names, the initiator and the data text and numbers are in it', () => {
    const text = searchText([{ 'zh-CN': '站长审核', en: 'Station review' }], snap);
    for (const part of ['站长审核', 'station review', 'w1', '井场维修', '3200', '家庭困难', '管线'])
      expect(text).toContain(part);
  });

  it('given a field some viewer may not see, when built, then its value is not in it, so no search finds the task by it', () => {
    const text = searchText([], snap, new Set(['reason', 'items']));
    expect(text).not.toContain('家庭困难');
    expect(text).not.toContain('抽油机');
    expect(text).toContain('井场维修');
  });
});
