import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n-context';
import { SchemaForm } from './schema-form';

const EVIL = '<img src=x onerror=alert(1)>';

/** A form whose every text is an attack: titles, descriptions, enum names, property names, values. */
const form = {
  key: 'evil',
  schema: {
    type: 'object',
    properties: {
      [EVIL]: { type: 'string' },
      name: { title: EVIL, description: `${EVIL} [x](javascript:alert(1))`, type: 'string' },
      pick: { title: 'pick', type: 'string', oneOf: [{ const: 'a', title: EVIL }] },
      link: { title: 'link', type: 'string', format: 'uri' },
    },
  },
  uiSchema: { 'ui:enableMarkdownInDescription': true, name: { 'ui:enableMarkdownInDescription': true } },
};

describe('the form renderer', () => {
  it('given hostile schema text and data, when rendered, then everything is text and no tag or javascript: link appears', () => {
    const html = renderToStaticMarkup(
      <I18nProvider initial="zh-CN">
        <SchemaForm
          form={form}
          data={{ name: EVIL, link: 'javascript:alert(1)' }}
          onChange={() => undefined}
        />
      </I18nProvider>,
    );
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('given server errors, when rendered, then they show beside their field', () => {
    const html = renderToStaticMarkup(
      <I18nProvider initial="zh-CN">
        <SchemaForm
          form={form}
          data={{}}
          onChange={() => undefined}
          errors={[{ path: '/name', message: '请填写「姓名」' }]}
        />
      </I18nProvider>,
    );
    expect(html).toContain('请填写「姓名」');
  });
});
