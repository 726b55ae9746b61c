/**
 * A server process killed while it holds an Idempotency-Key must not leave the key stuck: after
 * the lease, a retry runs the command exactly once, or returns the result it had committed.
 * PostgreSQL only (two processes on one database); `.ci/run` runs it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createScratchDatabase } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { body, openTestServer } from '../testing/test-server';

const KEY = 'hardship-assistance';
const LEASE_SECONDS = 2;

/** Starts a server process frozen at the first statement matching `pattern`; resolves with its port. */
function heldServer(
  url: string,
  pattern: string,
): Promise<{ child: ChildProcess; port: number; held: Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, '../testing/held-server-process.ts'),
      url,
      pattern,
      `${LEASE_SECONDS}`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let heldResolve: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    heldResolve = resolve;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`held server exited (${code})`)));
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const port = /PORT (\d+)/.exec(chunk);
      if (port) resolve({ child, port: Number(port[1]), held });
      if (chunk.includes('HOLD')) heldResolve();
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a process killed while holding an Idempotency-Key (PostgreSQL)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let s: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    s = await openTestServer({ target: { url: scratch.url, poolSize: 4 } });
  });
  afterAll(async () => {
    await s.close();
    await scratch.drop();
  });

  const request = (key: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ definitionKey: KEY, data: h.application() }),
  });
  const casesFor = async (key: string) =>
    (
      await s.ctx.db
        .selectFrom('idempotency_keys')
        .select('instance_id')
        .where('key', '=', `head103:${key}`)
        .execute()
    ).length;

  /** Sends a start to a server frozen at `pattern`, kills it there, and returns the retry's answers. */
  async function crashAt(pattern: string, key: string) {
    const { child, port, held } = await heldServer(scratch.url, pattern);
    const token = await s.login('head103');
    const pending = fetch(`http://127.0.0.1:${port}/api/instances`, {
      ...request(key),
      headers: { ...request(key).headers, authorization: `Bearer ${token}` },
    }).catch((error: unknown) => error);
    await held;
    child.kill('SIGKILL');
    await pending;
    const retry = () =>
      s.call('POST', '/api/instances', {
        as: 'head103',
        body: JSON.parse(request(key).body),
        headers: { 'idempotency-key': key },
      });
    const during = await retry();
    await sleep(LEASE_SECONDS * 1000 + 500);
    const after = await retry();
    return { during, after };
  }

  it('given the process died after reserving the key and before the command committed, when retried after the lease, then the case starts exactly once', async () => {
    const { during, after } = await crashAt('audit_log', 'crash-before-commit');
    expect(during.status).toBe(409);
    expect((await body(during)).code).toBe('idempotency-in-progress');
    expect(after.status).toBe(201);
    expect((await body(after)).replayed).toBe(false);
    expect(await casesFor('crash-before-commit')).toBe(1);
  });

  it('given the process died after the command committed and before its answer was stored, when retried after the lease, then the committed result comes back and nothing runs twice', async () => {
    const { during, after } = await crashAt('update "server_idempotency"', 'crash-after-commit');
    expect(during.status).toBe(409);
    expect(after.status).toBe(201);
    expect((await body(after)).replayed).toBe(true);
    expect(await casesFor('crash-after-commit')).toBe(1);
  });
});
