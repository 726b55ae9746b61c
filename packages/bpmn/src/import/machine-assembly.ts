/**
 * Builds the machine from the plan: a state per placement, nested by path; each scope's initial
 * state from its start (a choice state `start` when the start is guarded); transitions spelled as
 * XState reads them (a sibling's key, else `#absolute.path`).
 */
import type { MachineDef, StateDef, TransitionDef } from '@flowform/engine/browser';
import { type BpmnFlow, outgoing } from '../graph/bpmn-graph';
import type { ImportContext } from './import-context';
import { reportRef } from './import-context';
import { uniqueKey } from './names';
import { startEvents } from './node-kinds';
import type { ScopePlan } from './scope-plan';
import { compactSpec, emptyFiled, type Filed, StateBuilder } from './state-building';
import { type TransitionDraft, TransitionWalker } from './transition-walk';

interface Slot {
  path: string;
  parent: string;
  key: string;
  state: StateDef;
  filed: Filed;
}

export function assembleMachine(ctx: ImportContext, plan: ScopePlan): MachineDef | undefined {
  const slots = new Map<string, Slot>();
  const add = (parent: string, base: string, state: StateDef): Slot => {
    const keys = plan.keys.get(parent) ?? new Set<string>();
    plan.keys.set(parent, keys);
    const key = uniqueKey(base, keys);
    const path = parent ? `${parent}.${key}` : key;
    const slot = { path, parent, key, state, filed: emptyFiled() };
    slots.set(path, slot);
    return slot;
  };
  const finals = new Map<string, string>();
  const addFinal = (region: string) => {
    let key = finals.get(region);
    if (!key) {
      key = add(region, 'done', region ? { type: 'final' } : { type: 'final', outcome: 'completed' }).key;
      finals.set(region, key);
    }
    return key;
  };
  const walker = new TransitionWalker(ctx, plan, addFinal);
  const builder = new StateBuilder(ctx, plan, walker);
  for (const node of ctx.graph.nodes.values()) {
    const placed = plan.placements.get(node.id);
    if (!placed) continue;
    const filed = emptyFiled();
    const state = builder.build(node, placed.path, filed);
    slots.set(placed.path, { path: placed.path, parent: placed.parent, key: placed.key, state, filed });
  }
  const initials = new Map<string, TransitionDraft[]>();
  const entry = (scope: string, flows: BpmnFlow[]) => initials.set(scope, walker.walk(flows, `${scope}.`));
  for (const [container, path] of plan.containerPath) {
    if ([...plan.parallelContainers.keys()].includes(container)) continue;
    const start = startEvents(ctx.graph, container)[0];
    if (start) {
      entry(path, outgoing(ctx.graph, start.id));
      ctx.report.note(
        reportRef(start),
        'mapped',
        path ? `the initial state of ${path}` : 'the initial state',
      );
    }
  }
  for (const block of plan.forks.values())
    for (const region of block.regions) if (region.entry) entry(region.path, [region.entry]);
  for (const regions of plan.parallelContainers.values())
    for (const region of regions)
      if (region.start) {
        const placed = plan.placements.get(region.start);
        initials.set(region.path, placed ? [{ target: placed.path }] : []);
      }
  const regionPaths = new Set(
    [...plan.forks.values()]
      .flatMap((b) => b.regions.map((r) => r.path))
      .concat(
        [...plan.parallelContainers.values()].flatMap((rs) => rs.filter((r) => r.start).map((r) => r.path)),
      ),
  );
  const initialKey = new Map<string, string>();
  for (const [scope, drafts] of initials) {
    if (drafts.length === 0) continue;
    const only = drafts[0];
    const direct = drafts.length === 1 && only?.target && !only.guard && parentOf(only.target) === scope;
    if (direct) {
      initialKey.set(scope, only.target!.split('.').pop()!);
      continue;
    }
    const fallback =
      regionPaths.has(scope) && drafts.every((d) => d.guard)
        ? [{ target: `${scope}.${addFinal(scope)}` }]
        : [];
    const choice = add(scope, 'start', {});
    choice.filed.always.push(...drafts, ...fallback);
    initialKey.set(scope, choice.key);
  }
  for (const region of regionPaths) {
    if (slots.has(region)) continue;
    slots.set(region, {
      path: region,
      parent: parentOf(region),
      key: region.split('.').pop()!,
      state: {},
      filed: emptyFiled(),
    });
  }
  const root: Record<string, StateDef> = {};
  const children = new Map<string, Record<string, StateDef>>([['', root]]);
  const ordered = [...slots.values()].sort((a, b) => depth(a.path) - depth(b.path));
  for (const slot of ordered) {
    const state = withTransitions(slot);
    const siblings = children.get(slot.parent);
    if (!siblings) continue;
    siblings[slot.key] = state;
    const own: Record<string, StateDef> = {};
    children.set(slot.path, own);
    state.states = own;
  }
  for (const slot of ordered) {
    const state = childrenOf(children, slot.path);
    if (Object.keys(state).length === 0) delete slotState(children, slot).states;
    else {
      const def = slotState(children, slot);
      if (def.type !== 'parallel') def.initial = initialKey.get(slot.path) ?? Object.keys(state)[0]!;
    }
  }
  const initial = initialKey.get('');
  if (!initial || Object.keys(root).length === 0) return undefined;
  return { initial, states: root };
}

function childrenOf(children: Map<string, Record<string, StateDef>>, path: string): Record<string, StateDef> {
  return children.get(path) ?? {};
}

function slotState(children: Map<string, Record<string, StateDef>>, slot: Slot): StateDef {
  return children.get(slot.parent)![slot.key]!;
}

function withTransitions(slot: Slot): StateDef {
  const state: StateDef = { ...slot.state };
  const spell = (list: TransitionDraft[]) => compactSpec(list.map((d) => transitionDef(slot.path, d)));
  const { on, after, always, onDone, invokeDone } = slot.filed;
  if (on.size) state.on = Object.fromEntries([...on].map(([event, list]) => [event, spell(list)]));
  if (after.size) state.after = Object.fromEntries([...after].map(([delay, list]) => [delay, spell(list)]));
  if (always.length) state.always = spell(always);
  if (onDone.length) state.onDone = spell(onDone);
  if (invokeDone.length && state.invoke) state.invoke = { ...state.invoke, onDone: spell(invokeDone) };
  return state;
}

function transitionDef(source: string, draft: TransitionDraft): TransitionDef {
  return {
    ...(draft.target ? { target: spellTarget(source, draft.target) } : {}),
    ...(draft.guard ? { guard: { type: 'cel', params: { expr: draft.guard } } } : {}),
    ...(draft.actions ? { actions: draft.actions } : {}),
    ...(draft.description ? { description: draft.description } : {}),
  };
}

/** A sibling's key when source and target share a parent, else `#path`. */
function spellTarget(source: string, target: string): string {
  return parentOf(source) === parentOf(target) ? target.split('.').pop()! : `#${target}`;
}

function parentOf(path: string): string {
  const at = path.lastIndexOf('.');
  return at < 0 ? '' : path.slice(0, at);
}

function depth(path: string): number {
  return path.split('.').length;
}
