/** `transition.setTarget`: where a transition leads (spelled relative to its source). */
import { stateAt } from '../../model/design-doc';
import { targetFor } from '../../model/state-graph';
import { transitionAt, writeTransition } from '../../model/transitions';
import type { DocHandler } from '../command-map';
import { transitionMissing } from './transition-checks';

export const setTarget: DocHandler<'transition.setTarget'> = {
  canExecute: (doc, p) =>
    transitionMissing(doc, p.ref) ?? (stateAt(doc, p.target) ? undefined : `No state '${p.target}'`),
  execute(ctx) {
    const { ref, target } = ctx.params;
    const def = transitionAt(ctx.doc, ref)!;
    ctx.apply(writeTransition(ctx.doc, ref, { ...def, target: targetFor(ref.source, target) }));
  },
};
