/** `transition.setEvent`: the event an `on` transition answers; renamed in place when it is alone under its event. */
import { stateAt, statePath } from '../../model/design-doc';
import { appendTransition, normalise, removeTransition, transitionAt } from '../../model/transitions';
import type { DocHandler } from '../command-map';
import { EVENT_NAME } from '../key-patterns';
import { transitionMissing } from './transition-checks';

export const setEvent: DocHandler<'transition.setEvent'> = {
  canExecute(doc, p) {
    if (p.ref.kind !== 'on') return 'Only event transitions have an event';
    return (
      transitionMissing(doc, p.ref) ??
      (EVENT_NAME.test(p.event) ? undefined : `'${p.event}' is not a valid event`)
    );
  },
  execute(ctx) {
    const { ref, event } = ctx.params;
    if (event === ref.key) return;
    const on = stateAt(ctx.doc, ref.source)!.on ?? {};
    const alone = normalise(on[ref.key!]).length === 1;
    if (alone && !Object.hasOwn(on, event)) {
      ctx.apply({ op: 'rename', path: [...statePath(ref.source), 'on', ref.key!], to: event });
      return;
    }
    const def = transitionAt(ctx.doc, ref)!;
    ctx.apply(removeTransition(ctx.doc, ref));
    ctx.apply(appendTransition(ctx.doc, { source: ref.source, kind: 'on', key: event }, def));
  },
};
