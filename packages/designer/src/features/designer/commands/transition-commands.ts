/** Commands on transitions: connect two states, set event, guard or target, delete. */
import type { GuardRef, TransitionDef } from '@flowform/engine/browser';
import { type DesignDoc, stateAt, statePath, uniqueKey } from '../model/design-doc';
import { getAt } from '../model/json-ops';
import { targetFor } from '../model/state-graph';
import { kindOf } from '../model/state-templates';
import {
  appendTransition,
  normalise,
  removeTransition,
  specPath,
  type TransitionKind,
  type TransitionRef,
  transitionAt,
  writeTransition,
} from '../model/transitions';
import { type DocStack, EVENT_NAME } from './command-types';

export interface ConnectParams {
  source: string;
  target: string;
  kind?: TransitionKind;
  key?: string;
  guard?: string;
  /** Set by the command: where the new transition is. */
  created?: TransitionRef;
}

/** Where a connection from `source` goes when the caller does not say: by what the state is. */
export function connectionSlot(doc: DesignDoc, source: string): { kind: TransitionKind; key?: string } {
  const state = stateAt(doc, source)!;
  const kind = kindOf(state);
  if (kind === 'task') {
    const events = state.task!.outcomes.map((o) => o.event ?? o.key);
    const free = events.find((e) => !Object.hasOwn(state.on ?? {}, e));
    return { kind: 'on', key: free ?? uniqueKey('next', Object.keys(state.on ?? {})) };
  }
  if (kind === 'decision') return { kind: 'always' };
  if (kind === 'timer') return { kind: 'after', key: Object.keys(state.after ?? {})[0] ?? 'P1D' };
  if (kind === 'child') return { kind: 'invoke' };
  if (kind === 'parallel' || kind === 'group') return { kind: 'onDone' };
  return { kind: 'on', key: uniqueKey('next', Object.keys(state.on ?? {})) };
}

const celGuard = (expr: string): GuardRef => ({ type: 'cel', params: { expr } });

const exists = (doc: DesignDoc, ref: TransitionRef) =>
  stateAt(doc, ref.source) && transitionAt(doc, ref) ? undefined : 'No such transition';

export function registerTransitionCommands(stack: DocStack): void {
  stack.register<ConnectParams>('transition.connect', {
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
  });

  stack.register<{ ref: TransitionRef; expr?: string }>('transition.setGuard', {
    canExecute: (doc, p) => exists(doc, p.ref),
    execute(ctx) {
      const { ref, expr } = ctx.params;
      const { guard: _old, ...rest } = transitionAt(ctx.doc, ref)!;
      ctx.apply(writeTransition(ctx.doc, ref, expr?.trim() ? { ...rest, guard: celGuard(expr) } : rest));
    },
  });

  stack.register<{ ref: TransitionRef; target: string }>('transition.setTarget', {
    canExecute: (doc, p) =>
      exists(doc, p.ref) ?? (stateAt(doc, p.target) ? undefined : `No state '${p.target}'`),
    execute(ctx) {
      const { ref, target } = ctx.params;
      const def = transitionAt(ctx.doc, ref)!;
      ctx.apply(writeTransition(ctx.doc, ref, { ...def, target: targetFor(ref.source, target) }));
    },
  });

  stack.register<{ ref: TransitionRef; event: string }>('transition.setEvent', {
    canExecute(doc, p) {
      if (p.ref.kind !== 'on') return 'Only event transitions have an event';
      return (
        exists(doc, p.ref) ?? (EVENT_NAME.test(p.event) ? undefined : `'${p.event}' is not a valid event`)
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
  });

  stack.register<{ ref: TransitionRef }>('transition.delete', {
    canExecute: (doc, p) => exists(doc, p.ref),
    execute: (ctx) => ctx.apply(removeTransition(ctx.doc, ctx.params.ref)),
  });
}
