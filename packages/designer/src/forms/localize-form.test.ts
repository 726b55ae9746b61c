import { describe, expect, it } from 'vitest';
import { localizeForm } from './localize-form';
import { sanitizeUiSchema } from './sanitize-ui-schema';

const form = {
  schema: {
    type: 'object',
    title: '申请',
    properties: {
      category: {
        title: '类别',
        type: 'string',
        oneOf: [
          { const: 'family', title: '困难家庭' },
          { const: 'survivor', title: '职工遗属' },
        ],
      },
      causes: {
        title: '原因',
        type: 'array',
        items: { type: 'string', oneOf: [{ const: 'illness', title: '重大疾病' }] },
      },
      amount: { title: '金额', type: 'number', description: '单位：元' },
      files: {
        type: 'array',
        items: { type: 'object', properties: { note: { title: '说明', type: 'string' } } },
      },
    },
  },
  uiSchema: { amount: { 'ui:options': { unit: '元' }, 'ui:placeholder': '请输入' } },
};
const labels = {
  '/category': { en: 'Category' },
  '/category/family': { en: 'Family in hardship' },
  '/causes/illness': { en: 'Serious illness' },
  '/amount': { en: 'Amount', help: { 'zh-CN': '单位：元（帮助）', en: 'In yuan' } },
  '/files/note': { en: 'Note' },
};

describe('localised forms', () => {
  it('given English, when localised, then titles, options and help come from the labels', () => {
    const { schema, uiSchema } = localizeForm(form, labels, 'en');
    const p = schema.properties as Record<string, Record<string, unknown>>;
    const category = p.category!;
    expect(category.title).toBe('Category');
    expect((category.oneOf as { title: string }[]).map((o) => o.title)).toEqual([
      'Family in hardship',
      '职工遗属',
    ]);
    const causes = p.causes!.items as { oneOf: { title: string }[] };
    expect(causes.oneOf[0]!.title).toBe('Serious illness');
    expect(p.amount!.description).toBe('In yuan');
    const files = p.files!.items as { properties: Record<string, { title: string }> };
    expect(files.properties.note!.title).toBe('Note');
    expect(schema.title).toBeUndefined();
    expect(uiSchema).toEqual({ amount: { 'ui:options': { unit: '元' } } });
  });

  it('given Chinese, when localised, then the schema titles stay and help comes from the labels', () => {
    const { schema, uiSchema } = localizeForm(form, labels, 'zh-CN');
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(p.category!.title).toBe('类别');
    expect(p.amount!.description).toBe('单位：元（帮助）');
    expect(uiSchema.amount).toEqual({ 'ui:options': { unit: '元' }, 'ui:placeholder': '请输入' });
  });

  it('given a UI schema with markdown, custom fields and unknown widgets, when sanitised, then only harmless keys stay', () => {
    const ui = sanitizeUiSchema(
      {
        'ui:enableMarkdownInDescription': true,
        'ui:submitButtonOptions': { norender: false },
        name: {
          'ui:widget': 'EvilWidget',
          'ui:field': 'RawHtml',
          'ui:classNames': 'x',
          'ui:options': { enableMarkdownInHelp: true, rows: 3 },
        },
        person: { 'ui:widget': 'user', 'ui:options': { roles: ['cadre'], onClick: { x: 1 } } },
        __proto__: { polluted: true },
      },
      'zh-CN',
    );
    expect(ui).toEqual({
      name: { 'ui:options': { rows: 3 } },
      person: { 'ui:widget': 'user', 'ui:options': { roles: ['cadre'] } },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
