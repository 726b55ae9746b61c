/**
 * `state.append`: the palette's compound add. The new step goes after the selected one (connected
 * from it) or into the selected branch (a branch that went straight to its end now starts with the
 * new step, which leads to that end); otherwise on its own.
 */
import { childId, stateAt } from '../../model/design-doc';
import type { DocHandler } from '../command-map';
import { placement } from './placement';
import type { AddStateParams } from './state-params';

export const appendState: DocHandler<'state.append'> = {
  execute(ctx) {
    const { kind, near } = ctx.params;
    const where = placement(ctx.doc, near);
    const add: AddStateParams = { kind, ...(where.parent ? { parent: where.parent } : {}) };
    ctx.execute('state.add', add);
    const created = add.created!;
    if (where.after && stateAt(ctx.doc, where.after)?.type !== 'final')
      ctx.execute('transition.connect', { source: where.after, target: created });
    if (where.into) {
      const branch = stateAt(ctx.doc, where.into)!;
      const first = branch.initial ? childId(where.into, branch.initial) : undefined;
      if (first && first !== created && stateAt(ctx.doc, first)?.type === 'final') {
        ctx.execute('state.setInitial', { id: created });
        if (kind !== 'end') ctx.execute('transition.connect', { source: created, target: first });
      }
    }
    ctx.params.created = created;
  },
};
