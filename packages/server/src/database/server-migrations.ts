import { type Migration, sql } from 'kysely';

/**
 * The server's own tables, run after the engine's by `openDatabase(target, serverMigrations)`.
 * Names sort by date among the engine's and are never renamed once shipped.
 */
export const serverMigrations: Record<string, Migration> = {
  '2026_11_27_100_server_sessions': {
    async up(db) {
      await sql`
        create table server_sessions (
          id text primary key,
          username text not null,
          created_at timestamptz not null default now(),
          expires_at timestamptz not null,
          revoked_at timestamptz,
          address text,
          user_agent text
        );
        create index server_sessions_user on server_sessions (username) where revoked_at is null;
      `.execute(db);
    },
  },
  '2026_11_27_101_server_notifications': {
    async up(db) {
      await sql`
        create table notifications (
          id bigserial primary key,
          username text not null,
          kind text not null,
          instance_id text,
          task_id text,
          message jsonb,
          dedup_key text not null,
          created_at timestamptz not null default now(),
          read_at timestamptz,
          unique (dedup_key, username)
        );
        create index notifications_user on notifications (username, id desc);
      `.execute(db);
    },
  },
  '2026_11_27_102_server_attachments': {
    async up(db) {
      await sql`
        create table attachments (
          id text primary key,
          instance_id text not null references instances(id),
          filename text not null,
          content_type text not null,
          size int not null,
          sha256 text not null,
          content bytea not null,
          uploaded_by text not null,
          uploaded_at timestamptz not null default now()
        );
        create index attachments_instance on attachments (instance_id, uploaded_at);
      `.execute(db);
    },
  },
  '2026_11_27_103_server_admin_audit': {
    async up(db) {
      await sql`
        create table admin_audit (
          seq bigserial primary key,
          at timestamptz not null default now(),
          actor text not null,
          action text not null,
          target text not null,
          detail jsonb not null,
          prev_hash text not null unique,
          hash text not null unique
        );
        create trigger admin_audit_no_update before update or delete on admin_audit
          for each row execute function audit_log_append_only();
      `.execute(db);
    },
  },
  '2026_11_27_104_server_idempotency': {
    async up(db) {
      await sql`
        create table server_idempotency (
          id text primary key,
          fingerprint text not null,
          status int,
          content_type text,
          body text,
          created_at timestamptz not null default now()
        );
      `.execute(db);
    },
  },
  '2026_11_27_105_server_saved_filters': {
    async up(db) {
      await sql`
        create table saved_filters (
          username text primary key,
          items json not null,
          updated_at timestamptz not null default now()
        );
      `.execute(db);
    },
  },
  '2026_12_02_106_server_idempotency_lease': {
    async up(db) {
      // A key whose request died with its process is taken over once its lease ends (null: from before
      // leases, treated as ended).
      await sql`
        alter table server_idempotency add column lease_until timestamptz;
        create index server_idempotency_created on server_idempotency (created_at);
        create index server_sessions_expires on server_sessions (expires_at);
      `.execute(db);
    },
  },
  '2026_12_02_107_server_login_throttle': {
    async up(db) {
      // Failed sign-ins per (account, address) and per address, shared by every process and kept
      // across restarts (auth/login-throttle.ts).
      await sql`
        create table server_login_throttle (
          key text primary key,
          failures int not null,
          first_at timestamptz not null,
          last_at timestamptz not null,
          blocked_until timestamptz
        );
        create index server_login_throttle_last on server_login_throttle (last_at);
      `.execute(db);
    },
  },
  '2026_12_02_108_server_password_states': {
    async up(db) {
      // A row per user whose password was set by the server; must_change: a one-time password
      // (first administrator, reset) that must be changed before anything else.
      await sql`
        create table server_password_states (
          username text primary key,
          must_change boolean not null,
          changed_at timestamptz not null default now()
        );
      `.execute(db);
    },
  },
  '2026_12_03_120_server_oidc_pending': {
    async up(db) {
      // An OpenID Connect sign-in between the redirect to the provider and its return: found by the
      // SHA-256 of the browser's one-time cookie, taken (deleted) once (auth/oidc-pending-store.ts).
      await sql`
        create table server_oidc_pending (
          id text primary key,
          state text not null,
          nonce text not null,
          code_verifier text not null,
          expires_at timestamptz not null
        );
        create index server_oidc_pending_expires on server_oidc_pending (expires_at);
      `.execute(db);
    },
  },
};
