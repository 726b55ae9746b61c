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

  it('given fields declared as directory references without any ui:widget, when rendered, then each is a searchable picker with the chosen value as a removable chip', () => {
    const references = {
      key: 'refs',
      schema: {
        type: 'object',
        properties: {
          talker: { title: '谈话人', type: 'string', format: 'flowform-user', 'x-roles': ['districtLeader'] },
          unit: { title: '所在单位', type: 'string', format: 'flowform-unit' },
        },
      },
      uiSchema: {},
    };
    const html = renderToStaticMarkup(
      <I18nProvider initial="zh-CN">
        <SchemaForm form={references} data={{ talker: 'leader1' }} onChange={() => undefined} />
      </I18nProvider>,
    );
    expect(html.match(/role="combobox"/g)).toHaveLength(1);
    expect(html).toContain('id="root_unit"');
    expect(html).toContain('输入单位名称、拼音或编号搜索');
    expect(html).toContain('aria-label="移除 leader1"');
  });
});
