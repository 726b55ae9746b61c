/** Reading the state tree: ids, targets resolved by the engine's `resolveTarget`, and how to spell them. */
import { indexStates, resolveTarget, type StateIndex } from '@flowform/engine/browser';
import { type DesignDoc, parentOf } from './design-doc';
import { type TransitionView, transitionsOf } from './transitions';

export function stateIndex(doc: DesignDoc): StateIndex {
  return indexStates(doc.definition.machine);
}

/** Writes a target to `id` from `source` in the same style as `original` (absolute, child or sibling). */
export function spellTarget(original: string, source: string, id: string): string {
  if (original.startsWith('#')) return `#${id}`;
  if (original.startsWith('.') && id.startsWith(`${source}.`)) return `.${id.slice(source.length + 1)}`;
  const parent = parentOf(source);
  if (!parent) return id.includes('.') && !original.includes('.') ? `#${id}` : id;
  return id.startsWith(`${parent}.`) ? id.slice(parent.length + 1) : `#${id}`;
}

/** The target a new transition from `source` to `id` is written with. */
export function targetFor(source: string, id: string): string {
  const parent = parentOf(source);
  if (!parent) return id.includes('.') ? `#${id}` : id;
  return id.startsWith(`${parent}.`) && !id.slice(parent.length + 1).includes('.')
    ? id.slice(parent.length + 1)
    : `#${id}`;
}

/** Every transition of the machine with its resolved target. */
export function allTransitions(doc: DesignDoc): (TransitionView & { to?: string })[] {
  const index = stateIndex(doc);
  const out: (TransitionView & { to?: string })[] = [];
  for (const [id, info] of index)
    for (const t of transitionsOf(id, info.def))
      out.push({ ...t, ...(t.def.target ? { to: resolveTarget(index, id, t.def.target) } : {}) });
  return out;
}
