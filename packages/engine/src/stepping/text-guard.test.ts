import { describe, expect, it } from 'vitest';
import { StepError } from './step-error';
import { refuseUnstorableText } from './text-guard';

describe('refuseUnstorableText', () => {
  it('given a bad comment, then it throws invalid-text with the path and reason', () => {
    let error: unknown;
    try {
      refuseUnstorableText({ type: 'comment', text: 'a\u0000b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StepError);
    expect(error).toMatchObject({ code: 'invalid-text', details: { path: '/text', reason: 'nul' } });
  });

  it('given storable text, then it returns quietly', () => {
    expect(() => refuseUnstorableText({ type: 'comment', text: '同意' }, '')).not.toThrow();
  });
});
