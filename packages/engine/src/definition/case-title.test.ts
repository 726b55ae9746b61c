import { describe, expect, it } from 'vitest';
import { caseTitleFields, renderCaseTitle } from './case-title';

const template = { 'zh-CN': '{{name}} · {{amount}} 元', en: '{{name}} · CNY {{amount}}' };

describe('case title', () => {
  it('given a template with two fields, when its fields are listed, then both names come back in order', () => {
    expect(caseTitleFields('{{name}} · {{ amount }} 元')).toEqual(['name', 'amount']);
  });

  it('given case data with both fields, when the title is rendered, then each language names the applicant and the amount', () => {
    expect(renderCaseTitle(template, { name: '王秀英', amount: 3000 })).toEqual({
      'zh-CN': '王秀英 · 3000 元',
      en: '王秀英 · CNY 3000',
    });
  });

  it('given the amount is missing, when the title is rendered, then its segment is dropped with its unit', () => {
    expect(renderCaseTitle(template, { name: '王秀英' })).toEqual({ 'zh-CN': '王秀英', en: '王秀英' });
  });

  it('given no field has a value, when the title is rendered, then there is no title', () => {
    expect(renderCaseTitle(template, {})).toBeNull();
    expect(renderCaseTitle(undefined, { name: 'x' })).toBeNull();
  });

  it('given a list field, when the title is rendered, then its items are joined with 、', () => {
    expect(renderCaseTitle({ 'zh-CN': '{{tags}}', en: '{{tags}}' }, { tags: ['a', 'b'] })?.['zh-CN']).toBe(
      'a、b',
    );
  });

  it('given a field holding a username, when rendered with a directory lookup, then the person is named in each language', () => {
    const names = (v: string) =>
      v === 'head101' ? { 'zh-CN': '李站长', en: 'Li (station head)' } : undefined;
    expect(
      renderCaseTitle({ 'zh-CN': '{{who}} 谈话', en: 'Talk: {{who}}' }, { who: 'head101' }, names),
    ).toEqual({
      'zh-CN': '李站长 谈话',
      en: 'Talk: Li (station head)',
    });
  });
});
