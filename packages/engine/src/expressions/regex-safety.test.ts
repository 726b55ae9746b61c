import { describe, expect, it } from 'vitest';
import { regexIssue } from './regex-safety';

describe('regexIssue', () => {
  describe('given ordinary patterns', () => {
    it.each(['^[A-Z]{2}-\\d{4}$', '^\\w+@\\w+\\.com$', '(ab)?c', '^(?:foo|bar)$', '[(+*)]+', '\\(a+\\)+'])(
      'when screening %s, then it is accepted',
      (pattern) => {
        expect(regexIssue(pattern)).toBeUndefined();
      },
    );
  });

  describe('given catastrophic-backtracking patterns', () => {
    it.each(['(a+)+$', '(a*)*b', '(a|a)*b', '((ab)+)+', '(\\d+){5}', '(x(a+)y)*', '(a+)+?', '(a)\\1'])(
      'when screening %s, then it is unsafe',
      (pattern) => {
        expect(regexIssue(pattern)).toBe('unsafe');
      },
    );
  });

  describe('given a pattern that does not compile', () => {
    it('when screening, then it is invalid', () => {
      expect(regexIssue('(a')).toBe('invalid');
    });
  });
});
