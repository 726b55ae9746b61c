import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { openTaskSearchMigration } from './open-task-search-migration';
import { restrictedSearchMigration } from './restricted-search-migration';
import { backfillStepRecords } from './step-record-backfill';

/**
 * Migrations as an in-code list: names sort in order and are never renamed once shipped.
 * The same SQL runs on PGlite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '2026_11_26_001_directory': {
    async up(db) {
      await sql`
        create table directory_users (
          username text primary key,
          display_name jsonb not null,
          superior text,
          disabled boolean not null default false,
          password_hash text
        );
        create table directory_units (
          id text primary key,
          kind text not null,
          name jsonb not null,
          parent text references directory_units(id)
        );
        create table directory_memberships (
          username text not null references directory_users(username),
          role text not null,
          unit text not null references directory_units(id),
          primary key (username, role, unit)
        );
        create index directory_memberships_role on directory_memberships (role, unit);
        create table directory_contracts (
          contractor_user text references directory_users(username),
          contractor_unit text references directory_units(id),
          unit text not null references directory_units(id),
          check ((contractor_user is null) <> (contractor_unit is null))
        );
        create table directory_meta (id int primary key check (id = 1), version bigint not null);
        insert into directory_meta values (1, 0);
      `.execute(db);
    },
  },
  '2026_11_26_002_definitions_instances_tasks': {
    async up(db) {
      await sql`
        create table definitions (
          key text not null,
          version int not null,
          hash text not null,
          -- json, not jsonb: key order is part of a definition (parallel regions enter in document order)
          bundle json not null,
          published_by text not null,
          published_at timestamptz not null default now(),
          primary key (key, version)
        );
        create table definition_drafts (
          key text primary key,
          bundle json not null,
          updated_by text not null,
          updated_at timestamptz not null default now()
        );
        create table instances (
          id text primary key,
          definition_key text not null,
          definition_version int not null,
          snapshot json not null,
          version int not null,
          status text not null,
          parent_id text,
          business_key text,
          confidential boolean not null default false,
          initiator text not null,
          started_at timestamptz not null,
          ended_at timestamptz,
          updated_at timestamptz not null,
          foreign key (definition_key, definition_version) references definitions (key, version)
        );
        create index instances_initiator on instances (initiator, started_at desc);
        create index instances_parent on instances (parent_id) where parent_id is not null;
        create index instances_definition on instances (definition_key, definition_version, status);
        create table tasks (
          id text primary key,
          instance_id text not null references instances(id),
          definition_key text not null,
          state_id text not null,
          title jsonb not null,
          status text not null,
          assignee text,
          created_at timestamptz not null,
          due_at timestamptz,
          urged int not null default 0,
          ended_at timestamptz,
          ended_by text,
          outcome text,
          search text not null default ''
        );
        create index tasks_open_assignee on tasks (assignee, created_at desc, id desc) where status = 'open';
        create index tasks_done_by on tasks (ended_by, ended_at desc, id desc) where status <> 'open';
        create index tasks_instance on tasks (instance_id);
        create table task_candidates (
          task_id text not null references tasks(id),
          role text,
          unit text,
          username text,
          created_at timestamptz not null,
          check ((username is null) <> (role is null))
        );
        create index task_candidates_role on task_candidates (role, unit, created_at desc, task_id desc) where role is not null;
        create index task_candidates_user on task_candidates (username, created_at desc, task_id desc) where username is not null;
        create index task_candidates_task on task_candidates (task_id);
        create table participants (
          instance_id text not null references instances(id),
          username text not null,
          primary key (instance_id, username)
        );
        create index participants_user on participants (username);
        create table cc_entries (
          instance_id text not null references instances(id),
          username text not null,
          cc_by text not null,
          task_id text,
          at timestamptz not null,
          primary key (instance_id, username)
        );
        create index cc_entries_user on cc_entries (username, at desc);
        create table votes (
          instance_id text not null references instances(id),
          state_id text not null,
          signer text not null,
          ballot text not null,
          at timestamptz not null,
          primary key (instance_id, state_id, signer, at)
        );
        create table comments (
          id bigserial primary key,
          instance_id text not null references instances(id),
          task_id text,
          author text not null,
          text text not null,
          at timestamptz not null
        );
        create index comments_instance on comments (instance_id, at);
        create table timers (
          id text primary key,
          instance_id text not null references instances(id),
          kind text not null,
          due_at timestamptz not null,
          locked_by text,
          locked_until timestamptz
        );
        create index timers_due on timers (due_at);
        create table outbox (
          id bigserial primary key,
          instance_id text not null,
          dedup_key text not null unique,
          kind text not null,
          payload jsonb not null,
          created_at timestamptz not null,
          attempts int not null default 0,
          next_attempt_at timestamptz not null,
          locked_by text,
          locked_until timestamptz,
          delivered_at timestamptz,
          last_error text
        );
        create index outbox_pending on outbox (next_attempt_at) where delivered_at is null;
        create table idempotency_keys (
          key text primary key,
          actor text not null,
          instance_id text not null,
          response jsonb not null,
          created_at timestamptz not null
        );
      `.execute(db);
    },
  },
  '2026_11_26_003_audit_log': {
    async up(db) {
      await sql`
        create table audit_log (
          instance_id text not null,
          seq int not null,
          at timestamptz not null,
          actor text not null,
          action text not null,
          task_id text,
          outcome text,
          comment text,
          data_digest text,
          definition_key text not null,
          definition_version int not null,
          -- json keeps the command exactly as given (key order too), so replay reproduces snapshots byte for byte
          detail json not null,
          prev_hash text not null,
          hash text not null,
          primary key (instance_id, seq)
        );
        create function audit_log_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'P0001';
        end
        $$;
        create trigger audit_log_no_update before update or delete on audit_log
          for each row execute function audit_log_append_only();
        create trigger audit_log_no_truncate before truncate on audit_log
          for each statement execute function audit_log_append_only();
      `.execute(db);
    },
  },
  // Sorts after the server's 2026_11_27_1xx migrations, so existing databases take it in order.
  '2026_11_27_200_tasks_without_foreign_keys': {
    async up(db) {
      // Every command writes its case row and its task and candidate rows in ONE statement guarded
      // by the case's version, and no code deletes cases or tasks, so these checks could never
      // fire; they cost each command an extra lookup and row lock (a tenth of the server's CPU per
      // command). `checkConsistency` looks for orphans instead.
      await sql`
        alter table tasks drop constraint if exists tasks_instance_id_fkey;
        alter table task_candidates drop constraint if exists task_candidates_task_id_fkey;
      `.execute(db);
    },
  },
  '2026_11_27_300_directory_history': {
    async up(db) {
      // The directory as it was at each version, so replay runs every command against the
      // directory it ran on. Written with each change; versions before this migration have none.
      await sql`
        create table directory_history (
          version bigint primary key,
          seed json not null,
          recorded_at timestamptz not null default now()
        );
      `.execute(db);
    },
  },
  '2026_12_02_301_idempotency_keys_created': {
    async up(db) {
      // Housekeeping deletes keys past their retention by age.
      await sql`create index idempotency_keys_created on idempotency_keys (created_at)`.execute(db);
    },
  },
  '2026_12_02_400_audit_anchors': {
    async up(db) {
      // The anchors of the audit trail (audit-anchor.ts): each case's chain head with an HMAC under
      // a key kept outside the database, written in the statement that appends the row it covers;
      // checkpoints over all heads, each naming the heads that moved since the one before and
      // chained to it. `anchored_seq` is the head's seq in the latest checkpoint (the next one's
      // diff); `audit_adoption` records when chains written before this table got their heads.
      await sql`
        create table audit_heads (
          instance_id text primary key,
          seq int not null,
          hash text not null,
          mac text,
          key_id text,
          anchored_seq int
        );
        create table audit_checkpoints (
          seq int primary key,
          at timestamptz not null,
          chains int not null,
          entries json not null,
          prev_digest text not null,
          digest text not null,
          mac text,
          key_id text
        );
        create table audit_adoption (
          id int primary key check (id = 1),
          adopted_at timestamptz not null,
          chains int not null
        );
      `.execute(db);
    },
  },
  '2026_12_03_310_directory_changes': {
    async up(db) {
      // A person's phone (contact data), and each directory version's change: who, when, from
      // where (an administrator's change, an import, the demo seed, a process) and its operations.
      await sql`
        alter table directory_users add column phone text;
        create table directory_changes (
          version bigint primary key,
          changed_by text,
          changed_at timestamptz not null default now(),
          source text not null,
          comment text,
          ops json not null
        );
      `.execute(db);
    },
  },
  '2026_12_03_500_case_outcome': {
    async up(db) {
      // How each case ended, so lists show 未批准 without loading definitions. Ended cases take the
      // outcome their final state declares in the version they ran on (`completed` where it
      // declares none); cancelled cases are `cancelled`.
      await sql`
        alter table instances add column if not exists outcome text;
        update instances i set outcome = case
            when i.status = 'cancelled' then 'cancelled'
            else coalesce(
              d.bundle -> 'definition' -> 'machine' -> 'states' -> (i.snapshot -> 'machine' ->> 'value') ->> 'outcome',
              'completed')
          end
          from definitions d
          where d.key = i.definition_key and d.version = i.definition_version
            and i.status <> 'running' and i.outcome is null;
      `.execute(db);
    },
  },
  '2026_12_03_600_inbox_case_titles': {
    async up(db) {
      // What an inbox row needs to be told apart without loading the case: the case's title (from
      // the definition's template), initiator and unit, and why the task is there (退回, 委派, 加签
      // with who and why). The case row keeps its title from the start for 我发起的 and 抄送.
      // Search (`tasks.search`, lower-cased title, initiator and case data) gets a trigram index
      // where pg_trgm exists (PostgreSQL); PGlite filters within each inbox's own index range.
      await sql`
        alter table tasks add column if not exists case_title jsonb;
        alter table tasks add column if not exists initiator text;
        alter table tasks add column if not exists case_unit text;
        alter table tasks add column if not exists origin jsonb;
        alter table instances add column if not exists title jsonb;
        update tasks t set initiator = i.initiator, case_unit = i.snapshot ->> 'caseUnit'
          from instances i where i.id = t.instance_id and t.initiator is null;
        do $$ begin
          create extension if not exists pg_trgm;
        exception when others then null;
        end $$;
        do $$ begin
          if exists (select 1 from pg_extension where extname = 'pg_trgm') then
            create index if not exists tasks_search_trgm on tasks using gin (search gin_trgm_ops);
          end if;
        end $$;
        `.execute(db);
    },
  },
  '2026_12_03_610_case_numbers': {
    async up(db) {
      // Case numbers and values unique across cases (docs/computed-values.md), kept by the database
      // in the statement that writes the case, so they hold under any number of processes:
      // - a definition's `caseNumber` and `uniqueValues` are copied, when it is published, into
      //   definition_numbering (a trigger on definitions; the ones already published here);
      // - a start of a numbered definition takes the next number of its scope (prefix, unit code,
      //   year in China time) from case_number_counters in its own insert (a row lock orders
      //   concurrent starts: numbers are consecutive; a rolled-back start takes none);
      // - every write of a case with unique values lists them in case_unique_values, whose key
      //   refuses a value another case holds (23505 on case_unique_values_pkey).
      await sql`
        alter table instances add column if not exists case_number text;
        create unique index if not exists instances_case_number on instances (case_number);
        create table case_number_counters (scope text primary key, last bigint not null);
        create table case_unique_values (
          scope text not null,
          value text not null,
          instance_id text not null,
          primary key (scope, value)
        );
        create index case_unique_values_instance on case_unique_values (instance_id);
        create table definition_numbering (
          definition_key text not null,
          definition_version int not null,
          case_number jsonb,
          unique_values jsonb,
          primary key (definition_key, definition_version)
        );
        insert into definition_numbering
          select key, version, (bundle -> 'definition' -> 'caseNumber')::jsonb,
            (bundle -> 'definition' -> 'uniqueValues')::jsonb
          from definitions
          where bundle -> 'definition' -> 'caseNumber' is not null
            or bundle -> 'definition' -> 'uniqueValues' is not null;
        create function flowform_definition_numbering() returns trigger language plpgsql as $$
        begin
          if new.bundle -> 'definition' -> 'caseNumber' is not null
            or new.bundle -> 'definition' -> 'uniqueValues' is not null then
            insert into definition_numbering values (new.key, new.version,
              (new.bundle -> 'definition' -> 'caseNumber')::jsonb,
              (new.bundle -> 'definition' -> 'uniqueValues')::jsonb)
            on conflict do nothing;
          end if;
          return null;
        end $$;
        create trigger definitions_numbering after insert on definitions
          for each row execute function flowform_definition_numbering();
        create function flowform_case_number() returns trigger language plpgsql as $$
        declare
          spec jsonb;
          prefix text;
          n bigint;
        begin
          select d.case_number into spec from definition_numbering d
            where d.definition_key = new.definition_key and d.definition_version = new.definition_version;
          if spec is null or jsonb_typeof(spec) <> 'object' then return new; end if;
          prefix := (spec ->> 'prefix') || '-';
          if coalesce((spec ->> 'unit')::boolean, false) then
            prefix := prefix || coalesce(substring(new.snapshot ->> 'caseUnit' from '([0-9]+)$'),
              upper(new.snapshot ->> 'caseUnit'), '0') || '-';
          end if;
          prefix := prefix || to_char((new.started_at at time zone 'UTC') + interval '8 hours', 'YYYY') || '-';
          insert into case_number_counters as c (scope, last) values (prefix, 1)
            on conflict (scope) do update set last = c.last + 1
            returning c.last into n;
          new.case_number := prefix || lpad(n::text, greatest(coalesce((spec ->> 'digits')::int, 5), length(n::text)), '0');
          return new;
        end $$;
        create trigger instances_case_number before insert on instances
          for each row execute function flowform_case_number();
        create function flowform_unique_values() returns trigger language plpgsql as $$
        declare
          specs jsonb;
          spec jsonb;
        begin
          select d.unique_values into specs from definition_numbering d
            where d.definition_key = new.definition_key and d.definition_version = new.definition_version;
          if specs is null or jsonb_typeof(specs) <> 'array' then return null; end if;
          delete from case_unique_values where instance_id = new.id;
          for spec in select * from jsonb_array_elements(specs) loop
            insert into case_unique_values (scope, value, instance_id)
              select distinct new.definition_key || ':' || (spec ->> 'path'), v #>> '{}', new.id
              from jsonb_path_query(new.snapshot::jsonb -> 'data',
                ('$' || regexp_replace(replace(spec ->> 'path', '/*', '[*]'), '/([^/\\[]+)', '."\\1"', 'g'))::jsonpath) v
              where jsonb_typeof(v) = 'string';
          end loop;
          return null;
        end $$;
        create trigger instances_unique_values after insert or update of snapshot on instances
          for each row execute function flowform_unique_values();
      `.execute(db);
    },
  },
  '2026_12_03_620_step_records': {
    async up(db) {
      // Each person's submission at each step (records/step-record.ts), written with its audit row
      // and never changed; cases started before take theirs from their audit rows here.
      await sql`
        create table step_records (
          instance_id text not null,
          seq int not null,
          task_id text,
          state_id text,
          actor text not null,
          action text not null,
          outcome text,
          comment text,
          data json not null,
          attachments json not null,
          at timestamptz not null,
          primary key (instance_id, seq)
        );
        create function step_records_append_only() returns trigger language plpgsql as $$
        begin
          raise exception 'step_records is append-only (% refused)', tg_op using errcode = 'P0001';
        end
        $$;
        create trigger step_records_no_update before update or delete on step_records
          for each row execute function step_records_append_only();
        create trigger step_records_no_truncate before truncate on step_records
          for each statement execute function step_records_append_only();
      `.execute(db);
      await backfillStepRecords(db);
    },
  },
  '2026_12_03_630_schedules_calendar': {
    async up(db) {
      // The administrators' working-day calendar, versioned (each row the full list of their days
      // over the chinese-days data), and the scheduled starts with their next fire and lease.
      await sql`
        create table calendar_versions (
          version int primary key,
          changed_by text not null,
          changed_at timestamptz not null default now(),
          comment text,
          days json not null
        );
        create table schedules (
          definition_key text not null,
          schedule_id text not null,
          definition_version int not null,
          spec json not null,
          next_fire_at timestamptz,
          last_fire_at timestamptz,
          locked_by text,
          locked_until timestamptz,
          primary key (definition_key, schedule_id)
        );
        create index schedules_due on schedules (next_fire_at);
      `.execute(db);
    },
  },
  '2026_12_04_640_task_subjects': {
    async up(db) {
      // What a multi-instance task works on (the cadre a rater scores), named when the row is
      // written, so twelve scoring tasks of one leader differ in the inbox. Rows written before
      // stay null (the task page names an open task's item from the case).
      await sql`alter table tasks add column if not exists subject jsonb;`.execute(db);
    },
  },
  ...openTaskSearchMigration,
  ...restrictedSearchMigration,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly extra: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...migrations, ...this.extra };
  }
}

/**
 * Brings the schema up to date; safe to run on every start and from several processes (Kysely
 * takes a lock). `extra` lets the server add its own tables; their names sort among ours by date.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  extra: Record<string, Migration> = {},
): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(extra) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Runs one migration's `up` again (tests of a backfill on rows written before it). */
export async function rerunMigration(db: Kysely<unknown>, name: string): Promise<void> {
  const migration = migrations[name];
  if (!migration) throw new Error(`No migration '${name}'`);
  await migration.up(db);
}
