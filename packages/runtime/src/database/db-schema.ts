import type { DirectorySeed, TaskSubject } from '@flowform/engine';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** Table types for Kysely; the SQL lives in migrations.ts. */
export interface Database {
  directory_users: {
    username: string;
    display_name: JSONColumnType<{ 'zh-CN': string; en: string }>;
    superior: string | null;
    disabled: Generated<boolean>;
    password_hash: string | null;
    phone: Generated<string | null>;
  };
  directory_units: {
    id: string;
    kind: string;
    name: JSONColumnType<{ 'zh-CN': string; en: string }>;
    parent: string | null;
  };
  directory_memberships: { username: string; role: string; unit: string };
  directory_contracts: { contractor_user: string | null; contractor_unit: string | null; unit: string };
  directory_meta: { id: number; version: ColumnType<string, number | string, number | string> };
  directory_history: {
    version: ColumnType<string, number | string, never>;
    seed: JSONColumnType<DirectorySeed, string, never>;
    recorded_at: ColumnType<Date, never, never>;
  };
  directory_changes: {
    version: ColumnType<string, number | string, never>;
    changed_by: string | null;
    changed_at: ColumnType<Date, never, never>;
    source: string;
    comment: string | null;
    ops: JSONColumnType<unknown[], string, never>;
  };
  definitions: {
    key: string;
    version: number;
    hash: string;
    bundle: JSONColumnType<object | null>;
    published_by: string;
    published_at: ColumnType<Date, Date | string | undefined, Date | string>;
    /** The fields some viewer may not see (`restrictedFields`), left out of every search. */
    restricted_fields: ColumnType<string[] | null, string[] | undefined, string[]>;
  };
  definition_drafts: {
    key: string;
    bundle: JSONColumnType<object | null>;
    updated_by: string;
    updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  };
  instances: {
    id: string;
    definition_key: string;
    definition_version: number;
    snapshot: JSONColumnType<object | null>;
    version: number;
    status: string;
    parent_id: string | null;
    business_key: string | null;
    confidential: boolean;
    initiator: string;
    started_at: Timestamp;
    ended_at: Timestamp | null;
    /** How the case ended (`approved`, `rejected` …); null while it runs. */
    outcome: string | null;
    /** The case's title from its start data (the definition's `caseTitle`); null without one. */
    title: JSONColumnType<{ 'zh-CN': string; en: string } | null>;
    /** `HS-113-2026-00042`: set by the database when a numbered definition's case starts. */
    case_number: Generated<string | null>;
    updated_at: Timestamp;
  };
  tasks: {
    id: string;
    instance_id: string;
    definition_key: string;
    state_id: string;
    title: JSONColumnType<{ 'zh-CN': string; en: string }>;
    status: string;
    assignee: string | null;
    created_at: Timestamp;
    due_at: Timestamp | null;
    urged: number;
    ended_at: Timestamp | null;
    ended_by: string | null;
    outcome: string | null;
    search: string;
    /** The case's title when the row was written (the definition's `caseTitle` over the case data). */
    case_title: JSONColumnType<{ 'zh-CN': string; en: string } | null>;
    initiator: string | null;
    case_unit: string | null;
    /** 退回 / 委派 / 加签: the task's `origin` (kind, by, at, reason). */
    origin: JSONColumnType<{ kind: string; by: string; at: string; reason?: string } | null>;
    /** A multi-instance task's `item` named when the row was written (engine `TaskSubject`); else null. */
    subject: JSONColumnType<TaskSubject | null>;
  };
  task_candidates: {
    task_id: string;
    role: string | null;
    unit: string | null;
    username: string | null;
    created_at: Timestamp;
  };
  participants: { instance_id: string; username: string };
  cc_entries: { instance_id: string; username: string; cc_by: string; task_id: string | null; at: Timestamp };
  votes: { instance_id: string; state_id: string; signer: string; ballot: string; at: Timestamp };
  comments: {
    id: Generated<string>;
    instance_id: string;
    task_id: string | null;
    author: string;
    text: string;
    at: Timestamp;
  };
  /** Each person's submission at each step (records/step-record.ts); append-only. */
  step_records: {
    instance_id: string;
    seq: number;
    task_id: string | null;
    state_id: string | null;
    actor: string;
    action: string;
    outcome: string | null;
    comment: string | null;
    data: JSONColumnType<Record<string, unknown>>;
    attachments: JSONColumnType<string[]>;
    at: Timestamp;
  };
  /** Each version of the administrators' working-day calendar: the full list of their days. */
  calendar_versions: {
    version: ColumnType<number, number, never>;
    changed_by: string;
    changed_at: ColumnType<Date, never, never>;
    comment: string | null;
    days: JSONColumnType<CalendarDay[], string, never>;
  };
  /** One row per schedule of each definition's latest version: when it fires next, who holds it. */
  schedules: {
    definition_key: string;
    schedule_id: string;
    definition_version: number;
    spec: JSONColumnType<object, string, string>;
    next_fire_at: Timestamp | null;
    last_fire_at: Timestamp | null;
    locked_by: string | null;
    locked_until: Timestamp | null;
  };
  timers: {
    id: string;
    instance_id: string;
    kind: string;
    due_at: Timestamp;
    locked_by: string | null;
    locked_until: Timestamp | null;
  };
  outbox: {
    id: Generated<string>;
    instance_id: string;
    dedup_key: string;
    kind: string;
    payload: JSONColumnType<object | null>;
    created_at: Timestamp;
    attempts: Generated<number>;
    next_attempt_at: Timestamp;
    locked_by: string | null;
    locked_until: Timestamp | null;
    delivered_at: Timestamp | null;
    last_error: string | null;
  };
  idempotency_keys: {
    key: string;
    actor: string;
    instance_id: string;
    response: JSONColumnType<object | null>;
    created_at: Timestamp;
  };
  audit_log: {
    instance_id: string;
    seq: number;
    at: Timestamp;
    actor: string;
    action: string;
    task_id: string | null;
    outcome: string | null;
    comment: string | null;
    data_digest: string | null;
    definition_key: string;
    definition_version: number;
    detail: JSONColumnType<Record<string, unknown>>;
    prev_hash: string;
    hash: string;
  };
  audit_heads: {
    instance_id: string;
    seq: number;
    hash: string;
    mac: string | null;
    key_id: string | null;
    anchored_seq: number | null;
  };
  audit_checkpoints: {
    seq: number;
    at: Timestamp;
    chains: number;
    entries: JSONColumnType<[string, number, string][]>;
    prev_digest: string;
    digest: string;
    mac: string | null;
    key_id: string | null;
  };
  audit_adoption: {
    id: number;
    adopted_at: Timestamp;
    chains: number;
  };
  /** The last case number taken per scope (`HS-113-2026-`). */
  case_number_counters: {
    scope: string;
    last: string;
  };
  /** Values unique across cases: scope (definition key and path), value, the case holding it. */
  case_unique_values: {
    scope: string;
    value: string;
    instance_id: string;
  };
  /** Each published definition's `caseNumber` and `uniqueValues`, for the database's triggers. */
  definition_numbering: {
    definition_key: string;
    definition_version: number;
    case_number: JSONColumnType<object | null>;
    unique_values: JSONColumnType<object[] | null>;
  };
}

/** A day an administrator set: a holiday or closure (`off`) or an extra working day (`work`). */
export interface CalendarDay {
  date: string;
  kind: 'off' | 'work';
  name: string;
}
