/** Shared shapes of the designer's command handlers. */
import type { CommandContext, CommandStack } from '../model/command-stack';
import type { DesignDoc } from '../model/design-doc';

export type DocStack = CommandStack<DesignDoc>;
export type DocContext<P> = CommandContext<DesignDoc, P>;

/** A state key as the definition format allows it. */
export const STATE_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** A field name as the definition format allows it. */
export const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
/** An event name as the definition format allows it. */
export const EVENT_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;

/** Puts `value` at `path`, or deletes the key when `value` is undefined (and it exists). */
export function putOrDelete(
  ctx: DocContext<unknown>,
  path: readonly (string | number)[],
  value: unknown,
  exists: boolean,
): void {
  if (value === undefined) {
    if (exists) ctx.apply({ op: 'delete', path });
  } else ctx.apply({ op: 'put', path, value: withoutUndefined(value) });
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
