import { body, type openTestServer } from './test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

/** The open task of a case that a user may work (claiming an offered one first). */
export async function taskFor(s: Server, instanceId: string, user: string): Promise<string> {
  const res = await s.call('GET', `/api/instances/${encodeURIComponent(instanceId)}`, { as: user });
  const view = await body(res);
  const task = (view.tasks as { id: string; holders: string[] }[]).find((t) => t.holders.includes(user));
  if (!task) throw new Error(`${user} holds no task of ${instanceId}: ${JSON.stringify(view.tasks)}`);
  return task.id;
}

/** Completes the user's task on a case; returns the response. */
export async function complete(
  s: Server,
  instanceId: string,
  user: string,
  outcome: string,
  data?: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  const taskId = await taskFor(s, instanceId, user);
  return s.call('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, {
    as: user,
    body: { outcome, ...(data ? { data } : {}), ...extra },
  });
}

/** Starts a case and returns its id (throws on anything but 201). */
export async function start(s: Server, user: string, definitionKey: string, data: Record<string, unknown>) {
  const res = await s.call('POST', '/api/instances', { as: user, body: { definitionKey, data } });
  const json = await body(res);
  if (res.status !== 201)
    throw new Error(`start ${definitionKey} as ${user}: ${res.status} ${JSON.stringify(json)}`);
  return json.id as string;
}
