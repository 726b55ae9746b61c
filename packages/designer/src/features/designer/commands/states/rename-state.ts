/** `state.rename`: a new key for a state (its references follow, see rename-state-references). */
import { keyOf, parentOf, stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';
import { STATE_KEY } from '../key-patterns';
import { siblingKeys } from './sibling-keys';

export const renameState: DocHandler<'state.rename'> = {
  canExecute(doc, { id, to }) {
    if (!stateAt(doc, id)) return `No state '${id}'`;
    if (!STATE_KEY.test(to)) return `'${to}' is not a valid state id`;
    if (to !== keyOf(id) && siblingKeys(doc, parentOf(id)).includes(to)) return `'${to}' already exists`;
    return undefined;
  },
  execute(ctx) {
    const { id, to } = ctx.params;
    if (to !== keyOf(id)) ctx.apply({ op: 'rename', path: statePath(id), to });
  },
};
