/** `form.setTitle`: the form's title in both languages (the schema's own title, if it has one, in zh-CN). */
import { formAt } from '../../model/form-paths';
import type { DocHandler } from '../command-map';

export const setFormTitle: DocHandler<'form.setTitle'> = {
  canExecute: (doc, { key }) => (formAt(doc, key) ? undefined : `No form '${key}'`),
  execute(ctx) {
    const { key, title } = ctx.params;
    ctx.apply({ op: 'put', path: ['forms', key, 'title'], value: title });
    if (typeof formAt(ctx.doc, key)!.schema.title === 'string')
      ctx.apply({ op: 'put', path: ['forms', key, 'schema', 'title'], value: title['zh-CN'] });
  },
};
