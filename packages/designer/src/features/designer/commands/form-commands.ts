/** Commands on forms as a whole: add, remove (tasks and the start form let go of it), title. */
import type { LocalizedText } from '@flowform/engine/browser';
import type { DesignDoc } from '../model/design-doc';
import { statePath } from '../model/design-doc';
import { formAt } from '../model/form-paths';
import { stateIndex } from '../model/state-graph';
import type { DocStack } from './command-types';

const FORM_KEY = /^[a-z][a-z0-9-]*(\.[a-z][a-zA-Z0-9-]*)*$/;

export function newForm(key: string, title: LocalizedText) {
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

const tasksUsing = (doc: DesignDoc, key: string) =>
  [...stateIndex(doc)].filter(([, info]) => info.def.task?.form === key).map(([id]) => id);

export function registerFormCommands(stack: DocStack): void {
  stack.register<{ key: string; title: LocalizedText; task?: string }>('form.add', {
    canExecute(doc, { key }) {
      if (!FORM_KEY.test(key)) return `'${key}' is not a valid form key`;
      return formAt(doc, key) ? `Form '${key}' exists` : undefined;
    },
    execute(ctx) {
      const { key, title, task } = ctx.params;
      ctx.apply({ op: 'put', path: ['forms', key], value: newForm(key, title) });
      if (task) ctx.execute('task.setForm', { id: task, value: key });
    },
  });

  // behaviour: tasks and the start form stop naming a removed form
  stack.on<{ key: string }>('form.remove', 'pre', (ctx) => {
    for (const id of tasksUsing(ctx.doc, ctx.params.key))
      ctx.apply({ op: 'delete', path: [...statePath(id), 'task', 'form'] });
    if (ctx.doc.definition.startForm === ctx.params.key)
      ctx.apply({ op: 'delete', path: ['definition', 'startForm'] });
  });
  stack.register<{ key: string }>('form.remove', {
    canExecute: (doc, { key }) => (formAt(doc, key) ? undefined : `No form '${key}'`),
    execute: (ctx) => ctx.apply({ op: 'delete', path: ['forms', ctx.params.key] }),
  });

  stack.register<{ key: string; title: LocalizedText }>('form.setTitle', {
    canExecute: (doc, { key }) => (formAt(doc, key) ? undefined : `No form '${key}'`),
    execute(ctx) {
      const { key, title } = ctx.params;
      ctx.apply({ op: 'put', path: ['forms', key, 'title'], value: title });
      if (typeof formAt(ctx.doc, key)!.schema.title === 'string')
        ctx.apply({ op: 'put', path: ['forms', key, 'schema', 'title'], value: title['zh-CN'] });
    },
  });
}
