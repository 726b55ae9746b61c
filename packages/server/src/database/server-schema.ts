import type { Database } from '@flowform/runtime';
import type { ColumnType, Generated, JSONColumnType, Kysely } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The server's tables (see server-migrations.ts), beside the engine's. */
export interface ServerTables {
  server_sessions: {
    id: string;
    username: string;
    created_at: DefaultTimestamp;
    expires_at: Timestamp;
    revoked_at: Timestamp | null;
    address: string | null;
    user_agent: string | null;
  };
  notifications: {
    id: Generated<string>;
    username: string;
    kind: string;
    instance_id: string | null;
    task_id: string | null;
    message: ColumnType<{ 'zh-CN': string; en: string } | null, string | null, string | null>;
    dedup_key: string;
    created_at: DefaultTimestamp;
    read_at: Timestamp | null;
  };
  attachments: {
    id: string;
    instance_id: string;
    filename: string;
    content_type: string;
    size: number;
    sha256: string;
    content: Uint8Array;
    uploaded_by: string;
    uploaded_at: DefaultTimestamp;
  };
  admin_audit: {
    seq: Generated<string>;
    at: DefaultTimestamp;
    actor: string;
    action: string;
    target: string;
    detail: JSONColumnType<Record<string, unknown>>;
    prev_hash: string;
    hash: string;
  };
  saved_filters: {
    username: string;
    items: ColumnType<unknown[], string, string>;
    updated_at: DefaultTimestamp;
  };
  server_idempotency: {
    id: string;
    fingerprint: string;
    status: number | null;
    content_type: string | null;
    body: string | null;
    created_at: DefaultTimestamp;
    lease_until: Timestamp | null;
  };
  server_login_throttle: {
    key: string;
    failures: number;
    first_at: Timestamp;
    last_at: Timestamp;
    blocked_until: Timestamp | null;
  };
  server_password_states: {
    username: string;
    must_change: boolean;
    changed_at: DefaultTimestamp;
  };
  server_oidc_pending: {
    id: string;
    state: string;
    nonce: string;
    code_verifier: string;
    expires_at: Timestamp;
  };
  report_watermarks: { feed: string; at: Timestamp };
  report_cases: {
    instance_id: string;
    definition_key: string;
    unit: string;
    confidential: boolean;
    started_at: Timestamp;
    ended_at: Timestamp | null;
    status: string | null;
    final_state: string | null;
  };
  report_tasks: {
    task_id: string;
    instance_id: string;
    definition_key: string;
    state_id: string;
    unit: string;
    confidential: boolean;
    created_at: Timestamp;
    ended_at: Timestamp | null;
    completed: boolean;
  };
  report_case_weeks: {
    definition_key: string;
    unit: string;
    week: string;
    confidential: boolean;
    started: number;
    ended: number;
  };
  report_durations: {
    definition_key: string;
    state_id: string;
    confidential: boolean;
    minutes: string;
    n: number;
  };
  report_percentiles: {
    definition_key: string;
    state_id: string;
    confidential: boolean;
    count: number;
    p50: string;
    p90: string;
  };
  report_open: { kind: string; name: string; class: string; open: number; overdue: number };
  report_outcomes: {
    definition_key: string;
    status: string;
    final_state: string;
    confidential: boolean;
    n: number;
  };
  /** Per-person work messages sent (notifications/work-messenger.ts): one row per notification, person, channel. */
  work_messages: { dedup_key: string; username: string; channel: string; sent_at: DefaultTimestamp };
}

/** Engine and server tables together. */
export type ServerDatabase = Database & ServerTables;

/** The database handle every server module uses. */
export type ServerDb = Kysely<ServerDatabase>;
