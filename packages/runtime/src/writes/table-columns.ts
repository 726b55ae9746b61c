import type { SelectType } from 'kysely';
import type { Database } from '../database/db-schema';

/** How a value is read in a write statement: `$n::type`, or a column of `json_to_recordset(…) as x(col type…)`. */
export type PgType = 'text' | 'int' | 'bigint' | 'boolean' | 'json' | 'jsonb' | 'timestamptz';

/** Column names to their types: a column map, or one extended by the guard's columns. */
export type Columns = Readonly<Record<string, PgType>>;

/** The types a column of this TypeScript type may be read as. */
type PgTypeOf<V> = [NonNullable<V>] extends [Date]
  ? 'timestamptz'
  : [NonNullable<V>] extends [boolean]
    ? 'boolean'
    : [NonNullable<V>] extends [number]
      ? 'int'
      : [NonNullable<V>] extends [string]
        ? 'text' | 'bigint'
        : 'json' | 'jsonb';

/**
 * Every column of a table the write statement writes, with its type, except the `Left` ones it
 * leaves to their defaults (or to the workers). Checked with `satisfies`: a column that is not in
 * the table, a column of the table neither mapped nor left, or a type that does not fit the
 * column's type in db-schema.ts (`urged: 'text'`) does not compile.
 */
export type ColumnMap<T extends keyof Database, Left extends keyof Database[T] = never> = {
  readonly [K in Exclude<keyof Database[T], Left>]: PgTypeOf<SelectType<Database[T][K]>>;
};

/**
 * Case rows: inserted by a start, updated by every other command; the business key is the
 * server's, the case number the database's (a trigger, migration 600).
 */
export const instanceColumns = {
  id: 'text',
  definition_key: 'text',
  definition_version: 'int',
  snapshot: 'json',
  version: 'int',
  status: 'text',
  parent_id: 'text',
  confidential: 'boolean',
  initiator: 'text',
  started_at: 'timestamptz',
  ended_at: 'timestamptz',
  outcome: 'text',
  updated_at: 'timestamptz',
} as const satisfies ColumnMap<'instances', 'business_key' | 'title' | 'case_number'>;

/** The columns a start writes besides `instanceColumns` (an update leaves the title as started). */
export const instanceInsertColumns = {
  ...instanceColumns,
  title: 'jsonb',
} as const satisfies ColumnMap<'instances', 'business_key' | 'case_number'>;

export const taskColumns = {
  id: 'text',
  instance_id: 'text',
  definition_key: 'text',
  state_id: 'text',
  title: 'jsonb',
  status: 'text',
  assignee: 'text',
  created_at: 'timestamptz',
  due_at: 'timestamptz',
  urged: 'int',
  ended_at: 'timestamptz',
  ended_by: 'text',
  outcome: 'text',
  search: 'text',
  case_title: 'jsonb',
  initiator: 'text',
  case_unit: 'text',
  origin: 'jsonb',
  subject: 'jsonb',
} as const satisfies ColumnMap<'tasks'>;

export const candidateColumns = {
  task_id: 'text',
  role: 'text',
  unit: 'text',
  username: 'text',
  created_at: 'timestamptz',
} as const satisfies ColumnMap<'task_candidates'>;

/** Timers: the lease columns belong to the timer worker. */
export const timerColumns = {
  id: 'text',
  instance_id: 'text',
  kind: 'text',
  due_at: 'timestamptz',
} as const satisfies ColumnMap<'timers', 'locked_by' | 'locked_until'>;

export const auditColumns = {
  instance_id: 'text',
  seq: 'int',
  at: 'timestamptz',
  actor: 'text',
  action: 'text',
  task_id: 'text',
  outcome: 'text',
  comment: 'text',
  data_digest: 'text',
  definition_key: 'text',
  definition_version: 'int',
  detail: 'json',
  prev_hash: 'text',
  hash: 'text',
} as const satisfies ColumnMap<'audit_log'>;

/** A case's chain head (audit-anchor.ts); `anchored_seq` belongs to the checkpoint writer. */
export const auditHeadColumns = {
  instance_id: 'text',
  seq: 'int',
  hash: 'text',
  mac: 'text',
  key_id: 'text',
} as const satisfies ColumnMap<'audit_heads', 'anchored_seq'>;

/** Outbox rows: the id is generated; attempts, lease, delivery and error belong to the outbox worker. */
export const outboxColumns = {
  instance_id: 'text',
  dedup_key: 'text',
  kind: 'text',
  payload: 'jsonb',
  created_at: 'timestamptz',
  next_attempt_at: 'timestamptz',
} as const satisfies ColumnMap<
  'outbox',
  'id' | 'attempts' | 'locked_by' | 'locked_until' | 'delivered_at' | 'last_error'
>;

export const participantColumns = {
  instance_id: 'text',
  username: 'text',
} as const satisfies ColumnMap<'participants'>;

export const ccColumns = {
  instance_id: 'text',
  username: 'text',
  cc_by: 'text',
  task_id: 'text',
  at: 'timestamptz',
} as const satisfies ColumnMap<'cc_entries'>;

export const voteColumns = {
  instance_id: 'text',
  state_id: 'text',
  signer: 'text',
  ballot: 'text',
  at: 'timestamptz',
} as const satisfies ColumnMap<'votes'>;

/** Comments: the id is generated. */
export const commentColumns = {
  instance_id: 'text',
  task_id: 'text',
  author: 'text',
  text: 'text',
  at: 'timestamptz',
} as const satisfies ColumnMap<'comments', 'id'>;

/** Step records: one per start or completion, beside its audit row. */
export const stepRecordColumns = {
  instance_id: 'text',
  seq: 'int',
  task_id: 'text',
  state_id: 'text',
  actor: 'text',
  action: 'text',
  outcome: 'text',
  comment: 'text',
  data: 'json',
  attachments: 'json',
  at: 'timestamptz',
} as const satisfies ColumnMap<'step_records'>;

export const idempotencyColumns = {
  key: 'text',
  actor: 'text',
  instance_id: 'text',
  response: 'jsonb',
  created_at: 'timestamptz',
} as const satisfies ColumnMap<'idempotency_keys'>;

/** The directory version a cached command ran on (`directory_meta.version`). */
export const directoryVersionType = 'bigint' satisfies PgType;
