import type { CompiledQuery, DatabaseConnection, Kysely, QueryResult } from 'kysely';

/**
 * Wraps a Kysely instance so the first statement whose SQL matches `pattern` never returns: the
 * process is frozen at that point (as if it crashed there) until the test kills it. `onHold` is
 * told when it happens.
 */
export function holdAt<DB>(db: Kysely<DB>, pattern: RegExp, onHold: () => void): Kysely<DB> {
  let held = false;
  const executor = db.getExecutor();
  const original = executor.provideConnection.bind(executor);
  const wrapped = db.withPlugin({ transformQuery: (a) => a.node, transformResult: async (a) => a.result });
  (wrapped.getExecutor() as { provideConnection: typeof original }).provideConnection = (consumer) =>
    original(async (connection: DatabaseConnection) =>
      consumer({
        executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
          if (!held && pattern.test(query.sql)) {
            held = true;
            onHold();
            return new Promise<QueryResult<R>>(() => undefined);
          }
          return connection.executeQuery<R>(query);
        },
        streamQuery: connection.streamQuery.bind(connection),
      }),
    );
  return wrapped;
}
