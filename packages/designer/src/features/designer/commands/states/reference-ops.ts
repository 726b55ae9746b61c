/**
 * The references a state rename or delete must keep true: transition targets, `initial`,
 * `returnTargets`, `performerOf`/`holderOf` rules anywhere in the definition and the states the
 * initiator may cancel in (`initiatorCancel.whileIn`).
 */
import { isWithin } from '@flowform/engine/browser';
import type { DesignDoc } from '../../model/design-doc';
import { getAt, type Op, type Path } from '../../model/json-ops';
import { allTransitions, spellTarget } from '../../model/state-graph';
import { specPath, type TransitionRef } from '../../model/transitions';

const renamed = (id: string, from: string, to: string) =>
  isWithin(id, from) ? to + id.slice(from.length) : id;

/** Ops rewriting every reference to `from` (or inside it) as `to`; paths are those before the rename. */
export function renameReferenceOps(doc: DesignDoc, from: string, to: string): Op[] {
  const ops: Op[] = [];
  for (const t of allTransitions(doc)) {
    const original = t.def.target;
    if (!original || !t.to || !isWithin(t.to, from)) continue;
    const spelled = spellTarget(original, renamed(t.source, from, to), renamed(t.to, from, to));
    if (spelled === original) continue;
    const path = specPath(t);
    const spec = getAt(doc, path);
    if (typeof spec === 'string') ops.push({ op: 'put', path, value: spelled });
    else if (Array.isArray(spec))
      ops.push({ op: 'put', path: [...path, t.index], value: { ...t.def, target: spelled } });
    else ops.push({ op: 'put', path, value: { ...t.def, target: spelled } });
  }
  walkStates(doc, (statePathHere, state) => {
    const targets = (state.task as { returnTargets?: string[] } | undefined)?.returnTargets ?? [];
    targets.forEach((target, i) => {
      if (isWithin(target, from))
        ops.push({
          op: 'put',
          path: [...statePathHere, 'task', 'returnTargets', i],
          value: renamed(target, from, to),
        });
    });
  });
  for (const { path, state } of performerRules(doc.definition, ['definition']))
    if (isWithin(state, from))
      ops.push({ op: 'put', path: [...path, 'state'], value: renamed(state, from, to) });
  cancelStates(doc).forEach((state, i) => {
    if (isWithin(state, from))
      ops.push({ op: 'put', path: [...WHILE_IN, i], value: renamed(state, from, to) });
  });
  return ops;
}

const WHILE_IN: Path = ['definition', 'initiatorCancel', 'whileIn'];

/** The states in which the initiator may cancel (empty when the definition does not allow it). */
function cancelStates(doc: DesignDoc): string[] {
  return doc.definition.initiatorCancel?.whileIn ?? [];
}

/** Ops removing what points into a deleted state: transitions from outside it and return targets. */
export function deleteReferenceOps(doc: DesignDoc, id: string): Op[] {
  const ops: Op[] = [];
  const bySpec = new Map<string, { ref: TransitionRef; drop: number[]; isList: boolean }>();
  for (const t of allTransitions(doc)) {
    if (isWithin(t.source, id) || !t.to || !isWithin(t.to, id)) continue;
    const key = JSON.stringify(specPath(t));
    const spec = getAt(doc, specPath(t));
    const entry = bySpec.get(key) ?? { ref: t, drop: [], isList: Array.isArray(spec) };
    entry.drop.push(t.index);
    bySpec.set(key, entry);
  }
  for (const { ref, drop, isList } of bySpec.values()) {
    const path = specPath(ref);
    if (!isList) ops.push({ op: 'delete', path });
    else for (const i of drop.sort((a, b) => b - a)) ops.push({ op: 'delete', path: [...path, i] });
  }
  walkStates(doc, (statePathHere, state, stateId) => {
    if (isWithin(stateId, id)) return;
    const targets = (state.task as { returnTargets?: string[] } | undefined)?.returnTargets ?? [];
    const drop = targets.map((t, i) => (isWithin(t, id) ? i : -1)).filter((i) => i >= 0);
    const base: Path = [...statePathHere, 'task', 'returnTargets'];
    if (drop.length === targets.length && drop.length > 0) ops.push({ op: 'delete', path: base });
    else for (const i of drop.reverse()) ops.push({ op: 'delete', path: [...base, i] });
  });
  const whileIn = cancelStates(doc);
  const dropped = whileIn.map((s, i) => (isWithin(s, id) ? i : -1)).filter((i) => i >= 0);
  if (dropped.length === whileIn.length && dropped.length > 0)
    ops.push({ op: 'delete', path: ['definition', 'initiatorCancel'] });
  else for (const i of dropped.reverse()) ops.push({ op: 'delete', path: [...WHILE_IN, i] });
  return ops;
}

type StateJson = Record<string, unknown> & { states?: Record<string, StateJson>; task?: unknown };

function walkStates(doc: DesignDoc, visit: (path: Path, state: StateJson, id: string) => void): void {
  const go = (states: Record<string, StateJson> | undefined, base: Path, prefix: string) => {
    for (const [key, state] of Object.entries(states ?? {})) {
      const id = prefix ? `${prefix}.${key}` : key;
      const path = [...base, key];
      visit(path, state, id);
      go(state.states, [...path, 'states'], id);
    }
  };
  go(doc.definition.machine.states as Record<string, StateJson>, ['definition', 'machine', 'states'], '');
}

/** Every `{ kind: 'performerOf' | 'holderOf', state }` rule in the definition, with its path. */
export function performerRules(value: unknown, path: Path): { path: Path; state: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => performerRules(v, [...path, i]));
  if (!value || typeof value !== 'object') return [];
  const obj = value as Record<string, unknown>;
  const here =
    (obj.kind === 'performerOf' || obj.kind === 'holderOf') && typeof obj.state === 'string'
      ? [{ path, state: obj.state }]
      : [];
  return [...here, ...Object.entries(obj).flatMap(([k, v]) => performerRules(v, [...path, k]))];
}
