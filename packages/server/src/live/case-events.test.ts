import type { Effect } from '@flowform/engine';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../database/server-schema';
import { createLogger } from '../http/logger';
import { caseEventPublisher } from './case-events';
import { EventHub, type LiveEvent } from './event-hub';

/** A database that answers every query with the same people and counts the queries. */
function countingDb(involved: string[]) {
  const counter = { queries: 0 };
  const connection: DatabaseConnection = {
    executeQuery: async <R>(): Promise<QueryResult<R>> => {
      counter.queries += 1;
      return { rows: involved.map((username) => ({ username })) as R[] };
    },
    // biome-ignore lint/correctness/useYield: never streamed
    streamQuery: async function* () {
      throw new Error('not streamed');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<ServerDatabase>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return { db, counter };
}

const assigned: Effect = {
  type: 'notify',
  kind: 'task-assigned',
  users: ['li', 'wang'],
  taskId: 't1',
  dedupKey: 'k',
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('live case events', () => {
  it('given no stream open, when a command commits, then nothing is looked up', async () => {
    const { db, counter } = countingDb(['li', 'wang']);
    const asked: string[][] = [];
    const publish = caseEventPublisher(db, new EventHub(), createLogger('silent'), async (_id, users) => {
      asked.push(users);
      return users;
    });
    publish('case-1', [assigned]);
    await settle();
    expect(counter.queries).toBe(0);
    expect(asked).toEqual([]);
  });

  it('given only wang listening, when a command commits, then only wang is checked and told of the task and the change', async () => {
    const { db, counter } = countingDb(['li', 'wang', 'zhao']);
    const hub = new EventHub();
    const heard: LiveEvent[] = [];
    hub.subscribe('wang', (event) => heard.push(event));
    const asked: string[][] = [];
    const publish = caseEventPublisher(db, hub, createLogger('silent'), async (_id, users) => {
      asked.push(users);
      return users;
    });
    publish('case-1', [assigned]);
    await settle();
    expect(asked).toEqual([['wang'], ['wang']]);
    expect(counter.queries).toBe(1);
    expect(heard.map((e) => e.type)).toEqual(['task.created', 'case.changed']);
  });

  it('given a stream open for someone not involved, when a command commits, then readers are never asked', async () => {
    const { db } = countingDb(['li']);
    const hub = new EventHub();
    hub.subscribe('zhao', () => {});
    const asked: string[][] = [];
    caseEventPublisher(db, hub, createLogger('silent'), async (_id, users) => {
      asked.push(users);
      return users;
    })('case-1', [assigned]);
    await settle();
    expect(asked).toEqual([]);
  });
});
