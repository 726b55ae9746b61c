import type { CompiledQuery, DatabaseConnection, Kysely, QueryResult } from 'kysely';
import type { Database } from '../database/db-schema';

/** Where to break: the n-th statement (1-based), before it runs or after it ran (reply lost). */
export interface FaultPlan {
  at: number;
  when: 'before' | 'after';
}

/** The error an injected fault throws. */
export class InjectedFault extends Error {}

/**
 * Wraps a Kysely instance so one chosen statement fails: before it reaches the database, or after
 * the database ran it (the client never hears back, like a connection dropped after commit).
 */
export function withFaults(
  db: Kysely<Database>,
  plan: FaultPlan,
): { db: Kysely<Database>; statements: () => number } {
  let count = 0;
  const executor = db.getExecutor();
  const original = executor.provideConnection.bind(executor);
  const faulty = db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
  const wrappedExecutor = faulty.getExecutor();
  (wrappedExecutor as { provideConnection: typeof original }).provideConnection = (consumer) =>
    original(async (connection: DatabaseConnection) => {
      const proxy: DatabaseConnection = {
        executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
          count += 1;
          if (count === plan.at && plan.when === 'before')
            throw new InjectedFault(`fault before statement ${count}`);
          const result = await connection.executeQuery<R>(query);
          if (count === plan.at && plan.when === 'after')
            throw new InjectedFault(`fault after statement ${count}`);
          return result;
        },
        streamQuery: connection.streamQuery.bind(connection),
      };
      return consumer(proxy);
    });
  return { db: faulty, statements: () => count };
}
