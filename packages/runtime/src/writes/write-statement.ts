import { CompiledQuery, type Kysely, type QueryCreator } from 'kysely';
import type { CaseWrite } from '../case-write';
import type { Database } from '../database/db-schema';
import { auditHeadInsert, auditHeadUpdate } from './audit-head-row';
import { auditRow } from './audit-row';
import { newCandidates, resetCandidates } from './candidate-rows';
import { ccRows } from './cc-rows';
import { commentRow } from './comment-row';
import { loneHeadInsert, sharedHeadInsert } from './head-insert';
import { loneGuardedHeadUpdate, loneHeadUpdate, sharedHeadUpdate } from './head-update';
import { idempotencyRow } from './idempotency-row';
import { outboxRows } from './outbox-rows';
import { participantRows } from './participant-rows';
import { Slot, type SlotValues } from './statement-slot';
import { stepRecordRow } from './step-record-row';
import { taskRows } from './task-rows';
import { newTimers, removedTimers } from './timer-rows';
import { voteRows } from './vote-rows';
import type { HeadForm, WriteDb, WritePart } from './write-part';

/** The parts after the head, in statement order. */
const parts: readonly WritePart[] = [
  taskRows,
  resetCandidates,
  newCandidates,
  removedTimers,
  newTimers,
  auditRow,
  auditHeadInsert,
  auditHeadUpdate,
  outboxRows,
  participantRows,
  ccRows,
  voteRows,
  commentRow,
  stepRecordRow,
  idempotencyRow,
];

/** A statement variant compiled once: its text, and which slot each `$n` is. */
interface Variant {
  sql: string;
  slots: readonly Slot[];
}

/**
 * One compiled statement per variant (head form and parts present), for the process: the text is
 * PostgreSQL's for pg and PGlite alike; each connection prepares it once.
 */
const variants = new Map<string, Variant>();

/**
 * The whole of one or more commands as ONE statement of data-modifying CTEs: the case rows
 * (optimistic version check, or insert for a start), then a part per table, each guarded by the
 * head, so a command that lost its race writes nothing while the others in the statement commit.
 * The text depends only on the head form and the parts present (the variant); it is built with
 * Kysely and compiled once per variant, its parameters are slots, and each execution binds the
 * values of the batch to the slots. Compiling Kysely's tree per command would cost more Node CPU
 * than the rest of the write. Kysely's builder throughout; `sql` fragments only where it has no
 * form: `json_to_recordset(…) as x(col type, …)` and `unnest(…) as x(…)` (column-definition
 * lists), and `$n::type` (a slot with the cast that fixes its parameter type when prepared).
 */
export function writeStatement(
  db: Kysely<Database>,
  writes: readonly CaseWrite[],
): CompiledQuery<{ id: string }> {
  const head = headForm(writes);
  const present = parts.filter((part) => part.present(writes));
  let key = head.key;
  for (const part of present) key += `,${part.name}`;
  const variant = variants.get(key) ?? compile(db, key, head, present);
  const values: SlotValues = new Map();
  head.bind(writes, values);
  for (const part of present) part.bind(writes, head.lone, values);
  return CompiledQuery.raw(
    variant.sql,
    variant.slots.map((slot) => bound(values, slot)),
  );
}

/**
 * Writes one or more commands in one statement (one round trip; the statement is atomic). Callers
 * must not put two writes of one case in one statement. Returns the ids of the cases written.
 */
export async function writeChangeSets(
  db: Kysely<Database>,
  writes: readonly CaseWrite[],
): Promise<Set<string>> {
  if (writes.length === 0) return new Set();
  const result = await db.executeQuery(writeStatement(db, writes));
  return new Set(result.rows.map((r) => r.id));
}

/** The head's form: a write alone takes scalar parameters, a shared statement recordsets. */
function headForm(writes: readonly CaseWrite[]): HeadForm {
  const first = writes[0];
  if (!first) throw new Error('a write statement writes at least one case');
  const kind = first.head.kind;
  if (writes.some((w) => w.head.kind !== kind))
    throw new Error('writes of one statement share their head kind');
  // Two writes of one case would both pass the guard of its one head row.
  if (writes.length > 1 && new Set(writes.map((w) => w.change.instance.id)).size !== writes.length)
    throw new Error('one statement writes each case at most once');
  if (first.head.kind === 'insert') return writes.length === 1 ? loneHeadInsert : sharedHeadInsert;
  if (writes.length > 1) return sharedHeadUpdate;
  return first.head.directoryVersion === undefined ? loneHeadUpdate : loneGuardedHeadUpdate;
}

function compile(db: Kysely<Database>, key: string, head: HeadForm, present: readonly WritePart[]): Variant {
  // Kysely types a chain of CTEs known when it is written; these are chosen at run time. Only the
  // head is read (`select id from head`, and every part's guard), so the others' row types are dropped.
  let creator = db.with('head', head.cte()) as unknown as QueryCreator<WriteDb>;
  for (const part of present)
    creator = creator.with(part.name, part.cte(head.lone)) as unknown as QueryCreator<WriteDb>;
  const compiled = creator.selectFrom('head').select('head.id').compile();
  const slots = compiled.parameters.map((parameter) => {
    if (!(parameter instanceof Slot)) throw new Error(`write statement ${key}: a parameter is not a slot`);
    return parameter;
  });
  const variant = { sql: compiled.sql, slots };
  variants.set(key, variant);
  return variant;
}

function bound(values: SlotValues, slot: Slot): unknown {
  const value = values.get(slot);
  if (value === undefined && !values.has(slot)) throw new Error(`write statement: slot ${slot.name} unbound`);
  return value;
}
