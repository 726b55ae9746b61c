/** `state.setTimer`: a timer's delay, renamed in place (its transitions stay). */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';

export const setTimer: DocHandler<'state.setTimer'> = {
  canExecute(doc, { id, from, to }) {
    const after = stateAt(doc, id)?.after;
    if (!after || !Object.hasOwn(after, from)) return `No timer '${from}' on '${id}'`;
    return to !== from && Object.hasOwn(after, to) ? `Timer '${to}' exists` : undefined;
  },
  execute(ctx) {
    const { id, from, to } = ctx.params;
    if (from !== to) ctx.apply({ op: 'rename', path: [...statePath(id), 'after', from], to });
  },
};
