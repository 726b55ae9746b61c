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
  '2026_12_03_110_server_reports': {
    async up(db) {
      // Summaries behind the dashboards (services/reports/report-refresh.ts), refreshed
      // incrementally from the case and task rows: never written by commands. `report_cases` and
      // `report_tasks` hold one row per case and per task (the unit and confidentiality the figures
      // group by, and what was already counted); the other tables sum them by process, keeping
      // confidential cases apart (a viewer who may not see all of a process's confidential cases
      // gets the ones they may see added from the fact rows). Durations are whole minutes, kept
      // to 2 significant figures from 100 minutes on (report_minutes: truncated, under 10% low at
      // worst), so percentiles come from a histogram of a few hundred rows per step. One expression,
      // so PostgreSQL inlines it (a function with a FROM clause costs a call per row).
      await sql`
        create function report_minutes(a timestamptz, b timestamptz) returns bigint
          language sql immutable as $$
            select case when extract(epoch from (b - a)) < 6000
              then greatest(0, floor(extract(epoch from (b - a)) / 60))::bigint
              else trunc(floor(extract(epoch from (b - a)) / 60), 1 - floor(log(floor(extract(epoch from (b - a)) / 60)))::int)::bigint
            end
          $$;
        create table report_watermarks (feed text primary key, at timestamptz not null);
        create table report_cases (
          instance_id text primary key,
          definition_key text not null,
          unit text not null,
          confidential boolean not null,
          started_at timestamptz not null,
          ended_at timestamptz,
          status text,
          final_state text
        );
        create table report_tasks (
          task_id text primary key,
          instance_id text not null,
          definition_key text not null,
          state_id text not null,
          unit text not null,
          confidential boolean not null,
          created_at timestamptz not null,
          ended_at timestamptz,
          completed boolean not null default false
        );
        create index report_tasks_instance on report_tasks (instance_id);
        create table report_case_weeks (
          definition_key text not null,
          unit text not null,
          week date not null,
          confidential boolean not null,
          started int not null default 0,
          ended int not null default 0,
          primary key (week, definition_key, unit, confidential)
        );
        create table report_durations (
          definition_key text not null,
          state_id text not null,
          confidential boolean not null,
          minutes bigint not null,
          n int not null,
          primary key (definition_key, state_id, confidential, minutes)
        );
        create table report_outcomes (
          definition_key text not null,
          status text not null,
          final_state text not null,
          confidential boolean not null,
          n int not null,
          primary key (definition_key, status, final_state, confidential)
        );
        -- p50 and p90 of report_durations per step (state_id '': the whole case), recomputed by a
        -- refresh that added durations.
        create table report_percentiles (
          definition_key text not null,
          state_id text not null,
          confidential boolean not null,
          count int not null,
          p50 bigint not null,
          p90 bigint not null,
          primary key (definition_key, state_id, confidential)
        );
        -- Open and overdue tasks by unit and by person as of report_watermarks('refreshed'),
        -- recomputed whole (claims move tasks between people without a feed); class '' sums every
        -- non-confidential case, a process key its confidential ones.
        create table report_open (
          kind text not null,
          name text not null,
          class text not null,
          open int not null,
          overdue int not null,
          primary key (kind, class, name)
        );
        -- The feeds the refresh reads (started, ended, tasks created and ended), open tasks by
        -- person, and the signature of the confidential cases (report-viewer.ts). started_at never
        -- changes, ended_at changes with status (already indexed) and only confidential rows are in
        -- instances_confidential, so the common case row's updates stay HOT.
        create index instances_started on instances (started_at);
        create index instances_confidential on instances (version) where confidential;
        create index instances_ended on instances (ended_at) where ended_at is not null;
        create index tasks_created on tasks (created_at);
        create index tasks_ended on tasks (ended_at) where ended_at is not null;
        create index tasks_open_by_person on tasks (definition_key, assignee, due_at) where status = 'open';
      `.execute(db);
    },
  },
  '2026_12_03_320_server_report_minutes': {
    async up(db) {
      // The same minutes as before without numeric arithmetic: `extract` gives numeric and `log` of
      // a numeric costs ~15 µs, which made recomputing 12,000 durations take ~200 ms. `date_part`
      // gives float8 (exact to the microsecond for any realistic duration); 2 significant figures
      // from the digit count of the whole minutes, in bigint. Still one expression, so inlined.
      await sql`
        create or replace function report_minutes(a timestamptz, b timestamptz) returns bigint
          language sql immutable as $$
            select case when date_part('epoch', b - a) < 6000
              then greatest(0, floor(date_part('epoch', b - a) / 60))::bigint
              else floor(date_part('epoch', b - a) / 60)::bigint
                / (10 ^ (length(floor(date_part('epoch', b - a) / 60)::bigint::text) - 2))::bigint
                * (10 ^ (length(floor(date_part('epoch', b - a) / 60)::bigint::text) - 2))::bigint
            end
          $$;
        -- The completed tasks of the cases a viewer sees one by one (report-figures.ts, cycleTimes)
        -- read from the index alone: one probe per case, no heap page per task.
        create index report_tasks_completed_by_case on report_tasks (instance_id)
          include (definition_key, state_id, created_at, ended_at) where completed;
      `.execute(db);
    },
  },
  '2026_12_03_330_server_work_messages': {
    async up(db) {
      // Who has been sent a notification's work message on which channel (WeCom, DingTalk), so a
      // retried notify effect reaches only those the failed channel missed.
      await sql`
        create table work_messages (
          dedup_key text not null,
          username text not null,
          channel text not null,
          sent_at timestamptz not null default now(),
          primary key (dedup_key, username, channel)
        );
      `.execute(db);
    },
  },
};
