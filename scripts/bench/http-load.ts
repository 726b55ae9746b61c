// A closed-loop HTTP load: each virtual client completes its own case's task over and over
// (`POST /api/tasks/{id}/complete` with a bearer token and an Idempotency-Key, as the web app
// sends), spreading its requests round-robin over the server processes. undici clients, one
// keep-alive connection per (virtual client, server).
import { randomUUID } from 'node:crypto';
import { Client } from 'undici';
import { benchLoopData } from './bench-loop-bundle';

/** One signed-in user with a case whose open task it completes. */
export interface LoadClient {
  token: string;
  taskId: string;
}

/** What a load run measured. */
export interface LoadResult {
  commands: number;
  seconds: number;
  latencies: number[];
  errors: number;
}

/** JSON request to one server; throws on a status other than `expect`. */
export async function callJson<T>(
  url: string,
  method: string,
  path: string,
  body: unknown,
  token?: string,
  expect = 200,
): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST' && token ? { 'idempotency-key': randomUUID() } : {}),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Runs the clients for `seconds` against `urls` (request n of client i goes to
 * `urls[(i + n) % urls.length]`); each client's next task comes from its last answer.
 * `onSample` is called every 250 ms (for memory sampling).
 */
export async function runLoad(
  urls: string[],
  clients: LoadClient[],
  seconds: number,
  onSample?: () => void,
): Promise<LoadResult> {
  const pools = clients.map(() => urls.map((u) => new Client(u, { pipelining: 1 })));
  const latencies: number[] = [];
  let errors = 0;
  let count = 0;
  const sampler = onSample ? setInterval(onSample, 250) : undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    clients.map(async (client, i) => {
      let n = i;
      while (performance.now() < end) {
        const target = pools[i]![n % urls.length]!;
        n += 1;
        const t0 = performance.now();
        const res = await target.request({
          method: 'POST',
          path: `/api/tasks/${client.taskId}/complete`,
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${client.token}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({ outcome: 'save', data: benchLoopData(count) }),
        });
        const text = await res.body.text();
        latencies.push(performance.now() - t0);
        if (res.statusCode !== 200) {
          errors += 1;
          if (errors === 1) console.error(`complete: ${res.statusCode} ${text.slice(0, 300)}`);
          continue;
        }
        const outcome = JSON.parse(text) as { tasks: (string | { id: string })[] };
        const next = outcome.tasks[0]!;
        client.taskId = typeof next === 'string' ? next : next.id;
        count += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  if (sampler) clearInterval(sampler);
  await Promise.all(pools.flat().map((c) => c.close()));
  return { commands: count, seconds: elapsed, latencies, errors };
}
