/** `transition.connect`: a transition from one state to another, in the slot the source's kind calls for. */
import type { TransitionDef } from '@flowform/engine/browser';
import { stateAt } from '../../model/design-doc';
import { getAt } from '../../model/json-ops';
import { targetFor } from '../../model/state-graph';
import { appendTransition, normalise, specPath } from '../../model/transitions';
import type { DocHandler } from '../command-map';
import { EVENT_NAME } from '../key-patterns';
import { connectionSlot } from './connection-slot';
import { celGuard } from './transition-checks';

export const connect: DocHandler<'transition.connect'> = {
  canExecute(doc, p) {
    if (!stateAt(doc, p.source)) return `No state '${p.source}'`;
    if (!stateAt(doc, p.target)) return `No state '${p.target}'`;
    if (stateAt(doc, p.source)!.type === 'final') return 'An end state has no way out';
    return p.key !== undefined && !EVENT_NAME.test(p.key) ? `'${p.key}' is not a valid event` : undefined;
  },
  execute(ctx) {
    const p = ctx.params;
    const slot = p.kind ? { kind: p.kind, key: p.key } : connectionSlot(ctx.doc, p.source);
    const def: TransitionDef = {
      target: targetFor(p.source, p.target),
      ...(p.guard ? { guard: celGuard(p.guard) } : {}),
    };
    const where = { source: p.source, kind: slot.kind, ...(slot.key ? { key: slot.key } : {}) };
    const container = specPath(where).slice(0, -1);
    if ((slot.kind === 'on' || slot.kind === 'after') && getAt(ctx.doc, container) === undefined)
      ctx.apply({ op: 'put', path: container, value: {} });
    const before = normalise(getAt(ctx.doc, specPath(where)) as never).length;
    ctx.apply(appendTransition(ctx.doc, where, def));
    p.created = { ...where, index: before };
  },
};
