import type { Kysely, QueryCreator } from 'kysely';
import type { CaseWrite } from '../case-write';
import type { Database } from '../database/db-schema';
import type { SlotValues } from './statement-slot';

/** The tables a write statement sees: the schema, and `head`, the ids of the case rows written. */
export type WriteDb = Database & { head: { id: string } };

/** A CTE of the statement, as Kysely's `with` takes it. */
export type WriteCte = Parameters<QueryCreator<WriteDb>['with']>[1];

/**
 * One part of the write statement: the rows of one table (or one kind of change to it) for every
 * write of a batch, as one data-modifying CTE guarded by the head.
 */
export interface WritePart {
  /** The CTE's name, unique in the statement; a variant is keyed by the names of its parts. */
  readonly name: string;
  /** True if some write of the batch has rows for it. */
  present(writes: readonly CaseWrite[]): boolean;
  /** Its CTE for a lone write or a shared statement; built once per variant, when it is compiled. */
  cte(lone: boolean): WriteCte;
  /** Binds its slots to this batch's values. */
  bind(writes: readonly CaseWrite[], lone: boolean, values: SlotValues): void;
}

/** The head CTE, as Kysely's `with` takes it on the database; it returns the ids written. */
type HeadCte = Parameters<Kysely<Database>['with']>[1];

/**
 * The `head` CTE in one of its forms: the case rows, updated under their version guard or inserted
 * for a start, returning the ids written. Every other part is guarded by it.
 */
export interface HeadForm {
  /** The form, first in the variant key. */
  readonly key: string;
  /** One write alone: scalar parameters and an `exists` guard, rather than recordsets. */
  readonly lone: boolean;
  cte(): HeadCte;
  bind(writes: readonly CaseWrite[], values: SlotValues): void;
}
