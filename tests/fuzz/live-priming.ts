/**
 * Before fuzzing, make real objects to aim at: read the catalogue and every bundle, start each
 * shipped process twice with its scenario start data, open the tasks as their holders (forms and
 * outcomes), attach a file to a few cases, and read the holders' notifications. Every one of these
 * requests is checked like any other.
 */
import type { FuzzClient } from './fuzz-client';
import type { FuzzRequest } from './fuzz-request';
import { FUZZ_USERS, SHIPPED_STARTS } from './fuzz-users';
import type { LiveObjects } from './live-objects';
import type { Operation } from './openapi-operations';

export async function primeLiveObjects(
  operations: Operation[],
  client: FuzzClient,
  live: LiveObjects,
  settle?: () => Promise<unknown>,
) {
  const op = (id: string) => {
    const found = operations.find((o) => o.id === id);
    if (!found) throw new Error(`The document has no ${id}`);
    return found;
  };
  const send = (id: string, user: string, params: Record<string, string> = {}, body?: FuzzRequest['body']) =>
    client.send({
      op: op(id),
      params,
      query: [],
      user,
      credentials: 'bearer',
      headers: {},
      ...(body ? { body } : {}),
      mutation: 'valid (priming)',
    });

  for (const user of ['admin', ...new Set(Object.values(SHIPPED_STARTS).map((s) => s.starter))]) {
    await send('GET /api/definitions', user);
  }
  for (const key of [...live.definitionKeys]) await send('GET /api/definitions/{key}', 'admin', { key });
  const started: [string, string][] = [];
  for (const [definitionKey, { starter, data }] of Object.entries(SHIPPED_STARTS)) {
    for (let i = 0; i < 2; i++) {
      const answer = await send(
        'POST /api/instances',
        starter,
        {},
        { kind: 'json', value: { definitionKey, data: data() } },
      );
      const id = (answer?.check.json as { id?: string } | undefined)?.id;
      if (id) started.push([id, starter]);
    }
  }
  for (const [id, info] of [...live.tasks]) {
    for (const holder of info.holders.slice(0, 2)) await send('GET /api/tasks/{id}', holder, { id });
  }
  for (const [id, starter] of started.slice(0, 4)) {
    const file = {
      name: 'file',
      filename: '记录.txt',
      type: 'text/plain',
      bytes: new TextEncoder().encode('记录'),
    };
    await send('POST /api/instances/{id}/attachments', starter, { id }, { kind: 'multipart', parts: [file] });
  }
  await settle?.();
  const holders = new Set([...live.tasks.values()].flatMap((t) => t.holders));
  for (const user of new Set([...FUZZ_USERS, ...holders])) await send('GET /api/notifications', user);
}
