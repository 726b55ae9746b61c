/** `form.add`: a new empty form in the `forms/*.json` format; with `task`, that task uses it. */
import type { LocalizedText } from '@flowform/engine/browser';
import { formAt } from '../../model/form-paths';
import type { DocHandler } from '../command-map';
import { FORM_KEY } from '../key-patterns';

function emptyForm(key: string, title: LocalizedText) {
  return {
    key,
    title,
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: title['zh-CN'],
      additionalProperties: false,
      properties: {},
      required: [],
    },
    uiSchema: { 'ui:order': [] },
    labels: {},
  };
}

export const addForm: DocHandler<'form.add'> = {
  canExecute(doc, { key }) {
    if (!FORM_KEY.test(key)) return `'${key}' is not a valid form key`;
    return formAt(doc, key) ? `Form '${key}' exists` : undefined;
  },
  execute(ctx) {
    const { key, title, task } = ctx.params;
    ctx.apply({ op: 'put', path: ['forms', key], value: emptyForm(key, title) });
    if (task) ctx.execute('task.setForm', { id: task, value: key });
  },
};
