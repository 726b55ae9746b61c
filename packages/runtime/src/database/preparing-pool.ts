import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ff_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    if (names.size > 5000) names.clear();
    names.set(text, name);
  }
  return name;
}

/**
 * Makes every parameterised statement a named prepared statement (pg then parses and plans it
 * once per connection), like `pgbench -M prepared`. The hot path's big CTE statement is the main
 * winner: planning it on every command would cost more than running it.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  // One wrapper per pooled client, for the client's life: Kysely keys its connection objects by
  // the client it is given (a WeakMap, and a WeakSet of connections), so a new wrapper on every
  // checkout made it build a connection per query and grew both tables' backing stores to 4 MB
  // each within minutes under load.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) {
        // pg listens for a pooled client's errors only while it is idle: a connection ended by the
        // server while a checked-out client runs no query (a PostgreSQL restart or an
        // administrator's kill between a transaction's statements) would throw an unhandled
        // 'error' and end the process. The query in hand fails instead, and the client is dropped.
        let broken = false;
        client.on('error', () => {
          broken = true;
        });
        wrapper = {
          query: ((text: string, values?: unknown[]) =>
            values && values.length > 0
              ? client.query({ name: statementName(text), text, values })
              : client.query(text, values)) as unknown as PostgresPoolClient['query'],
          // Kysely asks to destroy a client whose rollback failed: pg then drops it from the pool
          // (and this wrapper with it), so a discarded connection is never handed out again.
          release: (destroy?: boolean) => client.release(destroy || broken || undefined),
        };
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
