/** Small edits several handlers share, each made of recorded ops (so undo stays derived). */
import { getAt, type Path } from '../model/json-ops';
import type { DocEdit } from './command-map';

/** Puts `value` at `path`, or deletes the key when `value` is undefined (and it exists). */
export function putOrDelete(ctx: DocEdit, path: Path, value: unknown, exists: boolean): void {
  if (value === undefined) {
    if (exists) ctx.apply({ op: 'delete', path });
  } else ctx.apply({ op: 'put', path, value: withoutUndefined(value) });
}

/** Creates an empty object at `path` when nothing is there yet. */
export function ensureObject(ctx: DocEdit, path: Path): void {
  if (getAt(ctx.doc, path) === undefined) ctx.apply({ op: 'put', path, value: {} });
}

/** JSON has no `undefined`: keys holding it are dropped, so the document is what it exports. */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, withoutUndefined(v)]),
  );
}
