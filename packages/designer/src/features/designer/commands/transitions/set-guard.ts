/** `transition.setGuard`: a transition's CEL condition, or its removal. */
import { transitionAt, writeTransition } from '../../model/transitions';
import type { DocHandler } from '../command-map';
import { celGuard, transitionMissing } from './transition-checks';

export const setGuard: DocHandler<'transition.setGuard'> = {
  canExecute: (doc, p) => transitionMissing(doc, p.ref),
  execute(ctx) {
    const { ref, expr } = ctx.params;
    const { guard: _old, ...rest } = transitionAt(ctx.doc, ref)!;
    ctx.apply(writeTransition(ctx.doc, ref, expr?.trim() ? { ...rest, guard: celGuard(expr) } : rest));
  },
};
