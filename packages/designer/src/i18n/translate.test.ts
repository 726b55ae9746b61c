import { describe, expect, it } from 'vitest';
import { formatDateTime, formatYuan, pick } from './format';
import { en } from './messages-en';
import { zh } from './messages-zh';
import { savedLocale, translate } from './translate';

describe('languages', () => {
  it('given both dictionaries, when compared, then every key is translated and keeps its parameters', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) {
      const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(params(en[key]), key).toEqual(params(zh[key]));
    }
  });

  it('given parameters, when translated, then they are filled in as text', () => {
    expect(translate('zh-CN', 'inbox.urged', { count: 2 })).toBe('被催办 2 次');
    expect(translate('en', 'inbox.urged', { count: 2 })).toBe('Urged: 2');
  });

  it('given no saved choice, when the language is read, then it is Chinese', () => {
    expect(savedLocale({ getItem: () => null })).toBe('zh-CN');
    expect(savedLocale({ getItem: () => 'en' })).toBe('en');
  });

  it('given dates and amounts, when formatted, then Intl writes them the local way', () => {
    const at = '2026-03-03T06:05:00Z';
    expect(formatDateTime('zh-CN', at)).toMatch(/2026年3月3日/);
    expect(formatDateTime('en', at)).toMatch(/Mar 3, 2026/);
    expect(formatYuan('zh-CN', 5000)).toBe('¥5,000.00');
    expect(formatYuan('en', 5000)).toBe('CN¥5,000.00');
    expect(pick({ 'zh-CN': '同意', en: 'Approve' }, 'en')).toBe('Approve');
  });
});
