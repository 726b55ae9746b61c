/** `elements.delete`: the selected transitions, then the selected states (outermost only), as one undo step. */
import { isWithin } from '@flowform/engine/browser';
import type { DocHandler } from '../command-map';

export const deleteElements: DocHandler<'elements.delete'> = {
  execute(ctx) {
    const { states, transitions } = ctx.params;
    const kept = transitions.filter((t) => !states.some((s) => isWithin(t.source, s)));
    // later indices first, so earlier ones keep their place
    const ordered = [...kept].sort((a, b) => b.index - a.index);
    for (const ref of ordered) ctx.execute('transition.delete', { ref });
    const roots = states.filter((s) => !states.some((o) => o !== s && isWithin(s, o)));
    for (const id of roots) ctx.execute('state.delete', { id });
  },
};
