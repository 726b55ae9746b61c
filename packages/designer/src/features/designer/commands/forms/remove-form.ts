/** `form.remove`: removes a form (tasks and the start form let go of it first, see release-removed-form). */
import { formAt } from '../../model/form-paths';
import type { DocHandler } from '../command-map';

export const removeForm: DocHandler<'form.remove'> = {
  canExecute: (doc, { key }) => (formAt(doc, key) ? undefined : `No form '${key}'`),
  execute: (ctx) => ctx.apply({ op: 'delete', path: ['forms', ctx.params.key] }),
};
