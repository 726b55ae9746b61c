/** Commands on states: add (from the palette or a paste), rename, delete, name, initial, timer, invoke. */
import type { LocalizedText, StateDef } from '@flowform/engine/browser';
import {
  childId,
  type DesignDoc,
  initialPath,
  keyOf,
  parentOf,
  stateAt,
  statePath,
  statesPath,
  uniqueKey,
} from '../model/design-doc';
import { getAt, hasAt } from '../model/json-ops';
import { BASE_KEY, type PaletteKind, stateTemplate } from '../model/state-templates';
import { type DocStack, putOrDelete, STATE_KEY } from './command-types';
import { deleteReferenceOps, renameReferenceOps } from './reference-updates';

export interface AddStateParams {
  parent?: string;
  kind?: PaletteKind;
  key?: string;
  name?: LocalizedText;
  def?: StateDef;
  /** Set by the command: the id of the new state. */
  created?: string;
}

const siblingKeys = (doc: DesignDoc, parent: string | undefined) =>
  Object.keys((getAt(doc, statesPath(parent)) as Record<string, unknown> | undefined) ?? {});

export function registerStateCommands(stack: DocStack): void {
  // behaviour: a new state always gets a key unique among its siblings
  stack.on<AddStateParams>('state.add', 'pre', (ctx) => {
    const p = ctx.params;
    p.key = uniqueKey(
      p.key && STATE_KEY.test(p.key) ? p.key : BASE_KEY[p.kind ?? 'task'],
      siblingKeys(ctx.doc, p.parent),
    );
  });
  stack.register<AddStateParams>('state.add', {
    canExecute: (doc, p) => (p.parent && !stateAt(doc, p.parent) ? `No state '${p.parent}'` : undefined),
    execute(ctx) {
      const p = ctx.params;
      const key = p.key!;
      if (p.parent && !hasAt(ctx.doc, statesPath(p.parent)))
        ctx.apply({ op: 'put', path: statesPath(p.parent), value: {} });
      ctx.apply({
        op: 'put',
        path: [...statesPath(p.parent), key],
        value: p.def ?? stateTemplate(p.kind ?? 'task', p.name),
      });
      const initial = getAt(ctx.doc, initialPath(p.parent));
      const parentIsParallel = p.parent && stateAt(ctx.doc, p.parent)?.type === 'parallel';
      if (!initial && !parentIsParallel) ctx.apply({ op: 'put', path: initialPath(p.parent), value: key });
      p.created = childId(p.parent, key);
    },
  });

  // behaviour: renaming a state renames every reference to it in the same undo unit
  stack.on<{ id: string; to: string }>('state.rename', 'pre', (ctx) => {
    const { id, to } = ctx.params;
    const parent = parentOf(id);
    for (const op of renameReferenceOps(ctx.doc, id, childId(parent, to))) ctx.apply(op);
    if (getAt(ctx.doc, initialPath(parent)) === keyOf(id))
      ctx.apply({ op: 'put', path: initialPath(parent), value: to });
  });
  stack.register<{ id: string; to: string }>('state.rename', {
    canExecute(doc, { id, to }) {
      if (!stateAt(doc, id)) return `No state '${id}'`;
      if (!STATE_KEY.test(to)) return `'${to}' is not a valid state id`;
      if (to !== keyOf(id) && siblingKeys(doc, parentOf(id)).includes(to)) return `'${to}' already exists`;
      return undefined;
    },
    execute(ctx) {
      const { id, to } = ctx.params;
      if (to !== keyOf(id)) ctx.apply({ op: 'rename', path: statePath(id), to });
    },
  });

  // behaviour: deleting a state drops transitions and return targets into it, and moves `initial`
  stack.on<{ id: string }>('state.delete', 'pre', (ctx) => {
    const { id } = ctx.params;
    for (const op of deleteReferenceOps(ctx.doc, id)) ctx.apply(op);
    const parent = parentOf(id);
    if (getAt(ctx.doc, initialPath(parent)) === keyOf(id)) {
      const next = siblingKeys(ctx.doc, parent).find((k) => k !== keyOf(id)) ?? '';
      ctx.apply({ op: 'put', path: initialPath(parent), value: next });
    }
  });
  stack.register<{ id: string }>('state.delete', {
    canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
    execute: (ctx) => ctx.apply({ op: 'delete', path: statePath(ctx.params.id) }),
  });

  stack.register<{ id: string; name?: LocalizedText }>('state.setName', {
    canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
    execute: (ctx) =>
      putOrDelete(
        ctx,
        [...statePath(ctx.params.id), 'name'],
        ctx.params.name,
        !!stateAt(ctx.doc, ctx.params.id)?.name,
      ),
  });

  stack.register<{ id: string }>('state.setInitial', {
    canExecute: (doc, { id }) => (stateAt(doc, id) ? undefined : `No state '${id}'`),
    execute: (ctx) =>
      ctx.apply({ op: 'put', path: initialPath(parentOf(ctx.params.id)), value: keyOf(ctx.params.id) }),
  });

  stack.register<{ id: string; from: string; to: string }>('state.setTimer', {
    canExecute(doc, { id, from, to }) {
      const after = stateAt(doc, id)?.after;
      if (!after || !Object.hasOwn(after, from)) return `No timer '${from}' on '${id}'`;
      return to !== from && Object.hasOwn(after, to) ? `Timer '${to}' exists` : undefined;
    },
    execute(ctx) {
      const { id, from, to } = ctx.params;
      if (from !== to) ctx.apply({ op: 'rename', path: [...statePath(id), 'after', from], to });
    },
  });

  stack.register<{ id: string; process: string }>('state.setInvoke', {
    canExecute: (doc, { id }) => (stateAt(doc, id)?.invoke ? undefined : `'${id}' starts no child process`),
    execute: (ctx) =>
      ctx.apply({
        op: 'put',
        path: [...statePath(ctx.params.id), 'invoke', 'process'],
        value: ctx.params.process,
      }),
  });
}
