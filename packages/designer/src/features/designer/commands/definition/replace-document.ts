/** `document.replace`: importing a bundle replaces the whole document as one undoable step. */
import type { DocHandler } from '../command-map';

export const replaceDocument: DocHandler<'document.replace'> = {
  canExecute: (doc, p) =>
    p.doc.definition.key === doc.definition.key ? undefined : 'The bundle is for another process',
  execute(ctx) {
    ctx.apply({ op: 'put', path: ['definition'], value: ctx.params.doc.definition });
    ctx.apply({ op: 'put', path: ['forms'], value: ctx.params.doc.forms });
  },
};
