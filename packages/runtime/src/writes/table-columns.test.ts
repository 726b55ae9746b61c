import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../database/open-database';
import { openTestDatabase, testBackends } from '../testing/test-database';
import {
  auditColumns,
  auditHeadColumns,
  type ColumnMap,
  candidateColumns,
  ccColumns,
  commentColumns,
  idempotencyColumns,
  instanceColumns,
  outboxColumns,
  type PgType,
  participantColumns,
  taskColumns,
  timerColumns,
  voteColumns,
} from './table-columns';
import { without } from './write-sources';

// The maps are checked against db-schema.ts by the compiler (tsc -b checks this file too): each
// line below must fail to compile, or the unused @ts-expect-error fails the build.
// @ts-expect-error `colour` is not a column of tasks
void ({ ...taskColumns, colour: 'text' } satisfies ColumnMap<'tasks'>);
// @ts-expect-error `search` is a column of tasks, neither mapped nor left to its default
void (without(taskColumns, ['search']) satisfies ColumnMap<'tasks'>);
// @ts-expect-error `urged` is a number, not text
void ({ ...taskColumns, urged: 'text' } satisfies ColumnMap<'tasks'>);
// @ts-expect-error `locked_by` is the timer worker's, left out of the map
void ({ ...timerColumns, locked_by: 'text' } satisfies ColumnMap<'timers', 'locked_by' | 'locked_until'>);

const maps: Record<string, Readonly<Record<string, PgType>>> = {
  instances: instanceColumns,
  tasks: taskColumns,
  task_candidates: candidateColumns,
  timers: timerColumns,
  audit_log: auditColumns,
  audit_heads: auditHeadColumns,
  outbox: outboxColumns,
  participants: participantColumns,
  cc_entries: ccColumns,
  votes: voteColumns,
  comments: commentColumns,
  idempotency_keys: idempotencyColumns,
};

/** information_schema's names of the types the maps use. */
const pgTypes: Record<string, PgType> = {
  text: 'text',
  integer: 'int',
  bigint: 'bigint',
  boolean: 'boolean',
  json: 'json',
  jsonb: 'jsonb',
  'timestamp with time zone': 'timestamptz',
};

describe.each(testBackends())('table column maps (%s)', (backend) => {
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await open.close();
  });

  it('given the migrated schema, then every mapped column is a column of its table, of the type it is read as', async () => {
    const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = any(${Object.keys(maps)})`.execute(open.db);
    const actual: Record<string, Record<string, PgType | string>> = {};
    for (const r of rows) {
      if (!(r.column_name in maps[r.table_name]!)) continue;
      actual[r.table_name] = {
        ...actual[r.table_name],
        [r.column_name]: pgTypes[r.data_type] ?? r.data_type,
      };
    }
    expect(actual).toEqual(maps);
  });
});
