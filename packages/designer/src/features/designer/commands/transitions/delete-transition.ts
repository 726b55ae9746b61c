/** `transition.delete`: removes one transition. */
import { removeTransition } from '../../model/transitions';
import type { DocHandler } from '../command-map';
import { transitionMissing } from './transition-checks';

export const deleteTransition: DocHandler<'transition.delete'> = {
  canExecute: (doc, p) => transitionMissing(doc, p.ref),
  execute: (ctx) => ctx.apply(removeTransition(ctx.doc, ctx.params.ref)),
};
