/**
 * One fuzz run against an app in process: read `/openapi.json`, prime real objects, then send
 * `requests` requests spread evenly over every operation (shuffled rounds), about two in three
 * with one hostile change, all from one seed; then bursts of concurrent writes with a hostile one
 * among them.
 */
import { crowdPhase } from './crowd-phase';
import { fuzzClient, type InProcessApp } from './fuzz-client';
import { type FuzzReport, fuzzReport } from './fuzz-report';
import { mutate } from './hostile-mutations';
import { liveObjects } from './live-objects';
import { primeLiveObjects } from './live-priming';
import { type OpenApiDocument, type Operation, readOperations, resolve } from './openapi-operations';
import { schemaValidator } from './schema-validator';
import { seededRandom } from './seeded-random';
import type { ServerErrorLog } from './server-error-log';
import { type RequestEnv, validRequest } from './valid-requests';

/** Bursts of concurrent writes after the sequential requests (see crowd-phase.ts). */
const CROWD_ROUNDS = 8;
/** Requests between deliveries of the server's outbox. */
const SETTLE_EVERY = 100;

export interface FuzzRun {
  operations: Operation[];
  report: FuzzReport;
  durationMs: number;
}

export interface FuzzOptions {
  seed: number;
  requests: number;
  /** The server's background work, done now (delivering the outbox: notifications, child cases). */
  settle?: () => Promise<unknown>;
  /** Collects the server's errors per request (see server-error-log.ts). */
  capture?: ServerErrorLog['capture'];
}

export async function runApiFuzz(app: InProcessApp, options: FuzzOptions): Promise<FuzzRun> {
  const began = performance.now();
  const docResponse = await app.request(new Request('http://localhost/openapi.json'));
  const doc = (await docResponse.json()) as OpenApiDocument;
  const operations = readOperations(doc);
  const random = seededRandom(options.seed);
  const live = liveObjects();
  const report = fuzzReport();
  const validator = schemaValidator(doc.components?.schemas);
  const client = fuzzClient({
    app,
    validator,
    report,
    live,
    ...(options.capture ? { capture: options.capture } : {}),
  });
  const env: RequestEnv = {
    random,
    live,
    generate: { random, resolve: (s) => resolve(doc, s) },
    forms: schemaValidator(),
  };
  await primeLiveObjects(operations, client, live, options.settle);
  const schedule: Operation[] = [];
  while (schedule.length < options.requests) schedule.push(...random.shuffle(operations));
  for (const [i, op] of schedule.slice(0, options.requests).entries()) {
    if (i % SETTLE_EVERY === 0) await options.settle?.();
    const req = validRequest(op, env);
    await client.send(random.chance(0.65) ? mutate(req, random) : req);
  }
  await crowdPhase(operations, client, live, random, CROWD_ROUNDS);
  return { operations, report, durationMs: performance.now() - began };
}
