import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import { withComputed } from './computed-values';
import { SchemaForm } from './schema-form';

/** The award form's shape: the total is the sum of the bonuses, computed. */
const form = {
  key: 'award',
  schema: {
    type: 'object',
    properties: {
      awards: {
        type: 'array',
        title: '奖励明细',
        items: { type: 'object', properties: { bonus: { type: 'number', title: '奖金' } } },
      },
      totalBonus: { type: 'number', title: '奖金合计' },
    },
  },
  uiSchema: { totalBonus: { 'ui:options': { computed: 'sum(data.awards.map(a, a.bonus))' } } },
};

const render = (data: Record<string, unknown>) =>
  renderToStaticMarkup(
    <I18nProvider initial="zh-CN">
      <SchemaForm form={form} data={data} onChange={() => undefined} />
    </I18nProvider>,
  );

describe('computed fields in the web app', () => {
  const awards = [{ bonus: 3000 }, { bonus: 5000 }, { bonus: 4000 }];

  it('given bonuses and a typed total of 100, when computed, then the total is their sum', () => {
    expect(withComputed(form, { awards, totalBonus: 100 })).toEqual({ awards, totalBonus: 12000 });
  });

  it('given bonuses, when the form renders, then the total shows 12000, read-only and marked computed', () => {
    const html = render({ awards, totalBonus: 100 });
    expect(html).toMatch(/<input[^>]*id="root_totalBonus"[^>]*>/);
    const input = /<input[^>]*id="root_totalBonus"[^>]*>/.exec(html)![0];
    expect(input).toContain('value="12000"');
    expect(input).toMatch(/readOnly|readonly|disabled/);
    expect(html).toContain('自动计算');
  });
});
