/** Compound commands on a selection: delete several elements, paste copied states. */
import { isWithin, type StateDef } from '@flowform/engine/browser';
import { childId, type DesignDoc, parentOf, stateAt } from '../model/design-doc';
import type { PaletteKind } from '../model/state-templates';
import type { TransitionRef } from '../model/transitions';
import type { DocStack } from './command-types';
import type { AddStateParams } from './state-commands';

export interface Clipboard {
  /** Copied states by their original key, with transitions between them kept. */
  states: { key: string; def: StateDef }[];
}

/** Points transitions among the pasted states at their new keys (sibling targets only). */
function retarget(def: StateDef, renames: Map<string, string>): StateDef {
  const fix = (spec: unknown): unknown => {
    if (typeof spec === 'string') return renames.get(spec) ?? spec;
    if (Array.isArray(spec)) return spec.map(fix);
    if (spec && typeof spec === 'object' && 'target' in spec) {
      const t = (spec as { target?: string }).target;
      return t && renames.has(t) ? { ...spec, target: renames.get(t) } : spec;
    }
    return spec;
  };
  const out: StateDef = { ...def };
  if (def.on) out.on = Object.fromEntries(Object.entries(def.on).map(([e, s]) => [e, fix(s) as never]));
  if (def.after)
    out.after = Object.fromEntries(Object.entries(def.after).map(([d, s]) => [d, fix(s) as never]));
  if (def.always !== undefined) out.always = fix(def.always) as never;
  if (def.onDone !== undefined) out.onDone = fix(def.onDone) as never;
  return out;
}

/** Where a new state goes given the selected one: after it, or into a branch it is. */
export function placement(
  doc: DesignDoc,
  selected: string | undefined,
): { parent?: string; after?: string; into?: string } {
  const state = selected ? stateAt(doc, selected) : undefined;
  if (!selected || !state) return {};
  const parent = parentOf(selected);
  if (state.states && state.type !== 'parallel') return { parent: selected, into: selected };
  if (state.type === 'final') return parent ? { parent } : {};
  return { ...(parent ? { parent } : {}), after: selected };
}

export interface AppendParams {
  kind: PaletteKind;
  /** The selected state the new one relates to. */
  near?: string;
  created?: string;
}

export function registerElementCommands(stack: DocStack): void {
  stack.register<AppendParams>('state.append', {
    execute(ctx) {
      const { kind, near } = ctx.params;
      const where = placement(ctx.doc, near);
      const add: AddStateParams = { kind, ...(where.parent ? { parent: where.parent } : {}) };
      ctx.execute('state.add', add);
      const created = add.created!;
      if (where.after && stateAt(ctx.doc, where.after)?.type !== 'final')
        ctx.execute('transition.connect', { source: where.after, target: created });
      if (where.into) {
        // a branch that went straight to its end now starts with the new step, which leads to that end
        const branch = stateAt(ctx.doc, where.into)!;
        const first = branch.initial ? childId(where.into, branch.initial) : undefined;
        if (first && first !== created && stateAt(ctx.doc, first)?.type === 'final') {
          ctx.execute('state.setInitial', { id: created });
          if (kind !== 'end') ctx.execute('transition.connect', { source: created, target: first });
        }
      }
      ctx.params.created = created;
    },
  });

  stack.register<{ states: string[]; transitions: TransitionRef[] }>('elements.delete', {
    execute(ctx) {
      const { states, transitions } = ctx.params;
      const kept = transitions.filter((t) => !states.some((s) => isWithin(t.source, s)));
      // later indices first, so earlier ones keep their place
      const ordered = [...kept].sort((a, b) => b.index - a.index);
      for (const ref of ordered) ctx.execute('transition.delete', { ref });
      const roots = states.filter((s) => !states.some((o) => o !== s && isWithin(s, o)));
      for (const id of roots) ctx.execute('state.delete', { id });
    },
  });

  stack.register<{ parent?: string; clipboard: Clipboard; created?: string[] }>('elements.paste', {
    canExecute: (_doc, p) => (p.clipboard.states.length ? undefined : 'Nothing to paste'),
    execute(ctx) {
      const { parent, clipboard } = ctx.params;
      const renames = new Map<string, string>();
      const created: string[] = [];
      for (const { key } of clipboard.states) {
        const params: AddStateParams = { parent, key, def: { type: 'final' } };
        ctx.execute('state.add', params);
        renames.set(key, params.key!);
        created.push(params.created!);
      }
      clipboard.states.forEach(({ def }, i) => {
        const id = created[i]!;
        const path = [
          'definition',
          'machine',
          'states',
          ...id.split('.').flatMap((k, j) => (j === 0 ? [k] : ['states', k])),
        ];
        ctx.apply({ op: 'put', path, value: retarget(def, renames) });
      });
      ctx.params.created = created;
    },
  });
}

/** Copies states (and the transitions among them) for a later paste. */
export function copyStates(states: { key: string; def: StateDef }[]): Clipboard {
  return { states: structuredClone(states) };
}
