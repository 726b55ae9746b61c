import { type RawBuilder, sql } from 'kysely';
import type { PgType } from './table-columns';

/**
 * A parameter of a statement compiled once per variant. Kysely compiles it to `$n` like any value
 * (the compiled statement's parameters are these slots, in `$n` order); each execution binds a
 * value to every slot, and the values go out in the same order.
 */
export class Slot {
  constructor(readonly name: string) {}
}

/** The values of one execution, by slot. */
export type SlotValues = Map<Slot, unknown>;

/** The TypeScript type of a value read as a PostgreSQL type (JSON and timestamps travel as text). */
export type ValueOf<P extends string> = P extends `${infer E}[]`
  ? readonly ValueOf<E>[]
  : P extends 'int'
    ? number
    : P extends 'boolean'
      ? boolean
      : string;

/** `$n::type`: the slot's placeholder, read as the column it fills. */
export function placeholder<P extends PgType | `${PgType}[]`>(slot: Slot, type: P): RawBuilder<ValueOf<P>> {
  return sql<ValueOf<P>>`${sql.val(slot)}::${sql.raw(type)}`;
}

/** A scalar parameter's value: JSON columns go as their text, as the rows of a recordset do. */
export function scalar(value: unknown, type: PgType): unknown {
  return type === 'json' || type === 'jsonb' ? JSON.stringify(value) : value;
}

/** One slot per column of a map (scalar parameters, or one array per column). */
export function slotsOf<M extends object>(prefix: string, columns: M): { readonly [K in keyof M]: Slot } {
  return Object.fromEntries(Object.keys(columns).map((name) => [name, new Slot(`${prefix}.${name}`)])) as {
    [K in keyof M]: Slot;
  };
}
