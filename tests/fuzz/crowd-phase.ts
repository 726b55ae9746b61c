/**
 * Bursts of concurrent writes: valid comments on several cases sent at once with one hostile
 * comment among them. The runtime may write concurrent commands in one statement; one request's
 * failure must never fail another's, so every valid neighbour must still succeed (no 5xx).
 */
import type { FuzzClient } from './fuzz-client';
import type { FuzzRequest } from './fuzz-request';
import { UNSTORABLE } from './hostile-values';
import type { LiveObjects } from './live-objects';
import type { Operation } from './openapi-operations';
import type { Random } from './seeded-random';

const BURST = 6;

export async function crowdPhase(
  operations: Operation[],
  client: FuzzClient,
  live: LiveObjects,
  random: Random,
  rounds: number,
) {
  const op = operations.find((o) => o.id === 'POST /api/tasks/{id}/comments');
  if (!op) return;
  for (let round = 0; round < rounds; round++) {
    const byCase = new Map<string, [string, string]>();
    for (const [id, info] of random.shuffle([...live.tasks.entries()])) {
      if (info.caseId && info.holders.length > 0 && !byCase.has(info.caseId))
        byCase.set(info.caseId, [id, random.pick(info.holders)]);
    }
    const picked = [...byCase.values()].slice(0, BURST);
    if (picked.length < 2) return;
    const hostileText = random.pick(UNSTORABLE);
    const hostileAt = random.int(0, picked.length - 1);
    const requests = picked.map(
      ([id, user], i): FuzzRequest => ({
        op,
        params: { id },
        query: [],
        user,
        credentials: 'bearer',
        headers: {},
        body: { kind: 'json', value: { text: i === hostileAt ? hostileText : `并发意见 ${round}-${i}` } },
        ...(i === hostileAt ? {} : { neighbour: true }),
        mutation:
          i === hostileAt
            ? `body /text = ${JSON.stringify(hostileText)} (in a burst of ${picked.length} concurrent comments)`
            : `valid, sent at once with ${picked.length - 1} other comments, one of them ${JSON.stringify(hostileText)}`,
      }),
    );
    await Promise.all(requests.map((req) => client.send(req)));
  }
}
