/**
 * Transitions as the designer addresses them: the state they leave, where they are declared
 * (`on` an event, `after` a delay, `always`, `onDone`, or the invoke's `onDone`) and their index in
 * the normalised list. One spelling (string, object or list) is kept as the author wrote it.
 */
import type { StateDef, TransitionDef, TransitionSpec } from '@flowform/engine/browser';
import { type DesignDoc, stateAt, statePath } from './design-doc';
import { getAt, type Op, type Path } from './json-ops';

export type TransitionKind = 'on' | 'after' | 'always' | 'onDone' | 'invoke';

export interface TransitionRef {
  source: string;
  kind: TransitionKind;
  /** The event (`on`) or delay (`after`). */
  key?: string;
  index: number;
}

export interface TransitionView extends TransitionRef {
  def: TransitionDef;
}

export const transitionId = (r: TransitionRef) => `${r.source}|${r.kind}|${r.key ?? ''}|${r.index}`;

export function parseTransitionId(id: string): TransitionRef | undefined {
  const [source, kind, key, index] = id.split('|');
  if (!source || !kind || index === undefined) return undefined;
  return { source, kind: kind as TransitionKind, ...(key ? { key } : {}), index: Number(index) };
}

/** Path of the spec a transition lives in. */
export function specPath(ref: Omit<TransitionRef, 'index'>): Path {
  const base = statePath(ref.source);
  switch (ref.kind) {
    case 'on':
      return [...base, 'on', ref.key!];
    case 'after':
      return [...base, 'after', ref.key!];
    case 'always':
      return [...base, 'always'];
    case 'onDone':
      return [...base, 'onDone'];
    case 'invoke':
      return [...base, 'invoke', 'onDone'];
  }
}

export function normalise(spec: TransitionSpec | undefined): TransitionDef[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [{ target: spec }];
  return Array.isArray(spec) ? spec : [spec];
}

/** Every transition a state declares, in a stable order. */
export function transitionsOf(id: string, state: StateDef): TransitionView[] {
  const out: TransitionView[] = [];
  const push = (kind: TransitionKind, spec: TransitionSpec | undefined, key?: string) =>
    normalise(spec).forEach((def, index) => {
      out.push({ source: id, kind, ...(key ? { key } : {}), index, def });
    });
  for (const [event, spec] of Object.entries(state.on ?? {})) push('on', spec, event);
  for (const [delay, spec] of Object.entries(state.after ?? {})) push('after', spec, delay);
  push('always', state.always);
  push('onDone', state.onDone);
  push('invoke', state.invoke?.onDone);
  return out;
}

export function transitionAt(doc: DesignDoc, ref: TransitionRef): TransitionDef | undefined {
  const state = stateAt(doc, ref.source);
  if (!state) return undefined;
  return normalise(getAt(doc, specPath(ref)) as TransitionSpec | undefined)[ref.index];
}

/** The op writing `def` over the transition at `ref` (a lone target stays a string). */
export function writeTransition(doc: DesignDoc, ref: TransitionRef, def: TransitionDef): Op {
  const path = specPath(ref);
  const spec = getAt(doc, path) as TransitionSpec | undefined;
  const onlyTarget = Object.keys(def).length === 1 && def.target !== undefined;
  if (Array.isArray(spec)) return { op: 'put', path: [...path, ref.index], value: def };
  return { op: 'put', path, value: typeof spec === 'string' && onlyTarget ? def.target : def };
}

/** The op removing the transition at `ref` (a list keeps its place, even when empty). */
export function removeTransition(doc: DesignDoc, ref: TransitionRef): Op {
  const path = specPath(ref);
  const spec = getAt(doc, path) as TransitionSpec | undefined;
  if (Array.isArray(spec)) return { op: 'delete', path: [...path, ref.index] };
  return { op: 'delete', path };
}

/** The op adding `def` to the spec at `ref` (creating it, or turning one into a list). */
export function appendTransition(doc: DesignDoc, ref: Omit<TransitionRef, 'index'>, def: TransitionDef): Op {
  const path = specPath(ref);
  const spec = getAt(doc, path) as TransitionSpec | undefined;
  if (spec === undefined) {
    const onlyTarget = Object.keys(def).length === 1 && def.target !== undefined && ref.kind !== 'always';
    return { op: 'put', path, value: onlyTarget ? def.target : ref.kind === 'always' ? [def] : def };
  }
  if (Array.isArray(spec)) return { op: 'insert', path: [...path, spec.length], value: def };
  return { op: 'put', path, value: [...normalise(spec), def] };
}
