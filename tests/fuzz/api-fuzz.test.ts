/**
 * The API fuzzer in CI: the real app on in-memory PGlite with the demo directory and the shipped
 * processes, every operation of `/openapi.json` sent valid and hostile requests as several demo
 * users and anonymously. Any 5xx, or any answer outside the documented contract, fails the test
 * and is printed with a reproduction. `FUZZ_SEED` replays a run; `FUZZ_REQUESTS` sizes it.
 */
import { randomInt } from 'node:crypto';
import { openTestServer, outboxDelivery } from '@flowform/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiFuzz } from './api-fuzz-run';
import { serverErrorLog } from './server-error-log';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : randomInt(2 ** 31);
const requests = process.env.FUZZ_REQUESTS ? Number(process.env.FUZZ_REQUESTS) : 2_400;

describe('API fuzzer', () => {
  const errors = serverErrorLog();
  let server: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    // The fuzzer's own sign-ins come from their own addresses (fuzz-client.ts), so its hostile ones
    // (from a few shared addresses, see valid-requests.ts) slow down only themselves.
    server = await openTestServer({ log: errors.logger });
  });
  afterAll(() => server?.close());

  it('given every documented operation, when valid and hostile requests are sent as demo users and anonymously, then none answers 5xx and every answer keeps the documented contract', async () => {
    console.log(`API fuzz seed ${seed} (replay: FUZZ_SEED=${seed} npx vitest run tests/fuzz)`);
    const run = await runApiFuzz(server.app, {
      seed,
      requests,
      capture: errors.capture,
      settle: outboxDelivery(server.ctx),
    });
    const totals = run.report.totals();
    console.log(`${run.report.summaryTable()}\n`);
    console.log(
      `Findings (${run.report.findings().length} distinct, seed ${seed}):\n${run.report.findingsText()}\n`,
    );
    console.log(
      `${totals.requests} requests in ${(run.durationMs / 1000).toFixed(1)} s, ${totals.skipped} unsendable`,
    );
    const background = [...new Set(errors.background())];
    console.log(`Background errors (outbox): ${background.length === 0 ? 'none' : background.join('\n')}`);
    console.log(run.report.finalLine(seed));

    const untouched = run.operations.map((o) => o.id).filter((id) => run.report.sentTo(id) === 0);
    expect(untouched).toEqual([]);
    expect(totals.requests).toBeGreaterThanOrEqual(requests);
    // One line per distinct failure, with its reproduction printed above (past findings: FINDINGS.md).
    const failures = run.report.findings().map((f) => `${f.operation} → ${f.status} ${f.signature}`);
    expect({
      status500: totals.status500,
      schemaMismatches: totals.schemaMismatches,
      failures,
      background,
    }).toEqual({ status500: 0, schemaMismatches: 0, failures: [], background: [] });
  }, 240_000);
});
