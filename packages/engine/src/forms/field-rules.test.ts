import { describe, expect, it } from 'vitest';
import { brokenFieldRules } from './field-rules';

const form = {
  schema: {
    type: 'object',
    properties: { a: { type: 'number' }, b: { type: 'number' }, note: { type: 'string' } },
  },
  uiSchema: {
    b: {
      'ui:options': {
        validIf: 'data.a + data.b == 100',
        validIfMessage: { 'zh-CN': '两项之和应为 100', en: 'The two must add up to 100' },
      },
    },
  },
};
const NOW = '2026-03-02T08:00:00.000Z';

describe('field rules (ui:options.validIf)', () => {
  it('given weights adding up to 100, when checked, then no rule is broken', () => {
    expect(brokenFieldRules(form, { a: 40, b: 60 }, NOW, 'zh-CN')).toEqual([]);
  });

  it('given weights adding up to 90, when checked, then the error is on the rule’s field in the reader’s language', () => {
    expect(brokenFieldRules(form, { a: 40, b: 50 }, NOW, 'en')).toEqual([
      { path: '/b', keyword: 'validIf', message: 'The two must add up to 100' },
    ]);
    expect(brokenFieldRules(form, { a: 40, b: 50 }, NOW, 'zh-CN')[0]?.message).toBe('两项之和应为 100');
  });

  it('given a field the rule reads is absent, when checked, then the rule counts as broken', () => {
    expect(brokenFieldRules(form, { b: 50 }, NOW, 'zh-CN').map((e) => e.path)).toEqual(['/b']);
  });

  it('given the field is hidden (skipped), when checked, then its rule is not checked', () => {
    expect(brokenFieldRules(form, { a: 1, b: 2 }, NOW, 'zh-CN', new Set(['b']))).toEqual([]);
  });
});
