import { describe, expect, it } from 'vitest';
import { outcomeVerdict } from './outcome-verdict';

describe('outcomeVerdict: how a counted case ended', () => {
  it('given a final state that declares its outcome, then the declaration decides, whatever the state is called', () => {
    expect(
      outcomeVerdict('completed', 'completed', 'published', { 'zh-CN': '已发布', en: 'Published' }),
    ).toBe('completed');
    expect(outcomeVerdict('completed', 'rejected', 'done', undefined)).toBe('rejected');
    expect(outcomeVerdict('completed', 'approved', 'rejected', undefined)).toBe('approved');
  });

  it('given a cancelled case, then it is cancelled even if its last state declared an outcome', () => {
    expect(outcomeVerdict('cancelled', 'approved', '', undefined)).toBe('cancelled');
  });

  it('given a version published before outcomes were declared, then the id and name are read', () => {
    expect(outcomeVerdict('completed', undefined, 'dismissed', undefined)).toBe('rejected');
    expect(outcomeVerdict('completed', undefined, 'end', { 'zh-CN': '不予追究', en: 'Closed' })).toBe(
      'rejected',
    );
    expect(outcomeVerdict('completed', undefined, 'withdrawn', undefined)).toBe('withdrawn');
    expect(outcomeVerdict('completed', undefined, 'paid', { 'zh-CN': '已发放', en: 'Paid' })).toBe(
      'completed',
    );
  });
});
