/** `elements.paste`: copied states under fresh keys, with the transitions among them pointed at the copies. */
import type { StateDef } from '@flowform/engine/browser';
import { statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';
import type { AddStateParams } from '../states/state-params';

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

export const pasteElements: DocHandler<'elements.paste'> = {
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
      ctx.apply({ op: 'put', path: statePath(created[i]!), value: retarget(def, renames) });
    });
    ctx.params.created = created;
  },
};
