import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import { SchemaForm } from './schema-form';
import { validateShown } from './show-if';

/** A claim form whose invoice number is asked for (and required) only above 5,000. */
const form = {
  key: 'claim',
  schema: {
    type: 'object',
    required: ['amount', 'invoiceNo'],
    properties: {
      amount: { type: 'number', title: '金额' },
      invoiceNo: { type: 'string', title: '发票号', minLength: 4 },
    },
  },
  uiSchema: { invoiceNo: { 'ui:options': { showIf: 'data.amount > 5000' } } },
};

const render = (data: Record<string, unknown>) =>
  renderToStaticMarkup(
    <I18nProvider initial="zh-CN">
      <SchemaForm form={form} data={data} onChange={() => undefined} />
    </I18nProvider>,
  );

describe('fields with a show-if in the web app', () => {
  it('given a small amount, when the form renders, then the invoice number is hidden and not required', () => {
    expect(render({ amount: 100 })).not.toContain('发票号');
    expect(validateShown(form, { amount: 100, invoiceNo: 'x' }, 'zh-CN')).toEqual([]);
  });

  it('given a large amount, when the form renders, then the invoice number shows and is checked', () => {
    expect(render({ amount: 9000 })).toContain('发票号');
    expect(validateShown(form, { amount: 9000 }, 'zh-CN').map((e) => e.path)).toEqual(['/invoiceNo']);
    expect(validateShown(form, { amount: 9000, invoiceNo: 'x' }, 'zh-CN').map((e) => e.path)).toEqual([
      '/invoiceNo',
    ]);
  });
});
