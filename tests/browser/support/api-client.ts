/** The HTTP API as a test script uses it (bearer tokens, so no cookie or CSRF header is needed). */
export function apiClient(baseUrl: string) {
  const tokens = new Map<string, string>();

  async function token(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'flowform' }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { token: value } = (await res.json()) as { token: string };
    tokens.set(username, value);
    return value;
  }

  /** Calls the API as `username`; throws on any error status. */
  async function call<T = Record<string, unknown>>(
    username: string,
    method: string,
    path: string,
    body?: unknown,
  ) {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await token(username)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} as ${username}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** The open task of a case at a state. */
  async function taskAt(username: string, instanceId: string, stateId: string): Promise<string> {
    const view = await call<{ tasks: { id: string; stateId: string }[] }>(
      username,
      'GET',
      `/api/instances/${instanceId}`,
    );
    const task = view.tasks.find((t) => t.stateId === stateId);
    if (!task) throw new Error(`no open task at ${stateId}`);
    return task.id;
  }

  return { call, taskAt };
}

/** Form data of the district's processes, as the people filling them would enter it. */
export const samples = {
  application: (o: Record<string, unknown> = {}) => ({
    category: 'hardshipFamily',
    beneficiaryName: '王桂芳',
    relatedWorker: 'w003',
    branch: 'branch-1',
    patch: 'patch-1',
    address: '油建小区3栋2单元101',
    phone: '0546-8761234',
    householdSize: 4,
    monthlyIncomePerCapita: 560,
    causes: ['seriousIllness'],
    situation: '丈夫重病住院，两个孩子上学，家庭收入骤减。',
    helpWanted: ['cash', 'medical'],
    amountRequested: 2000,
    ...o,
  }),
  homeVisit: (o: Record<string, unknown> = {}) => ({
    visitedOn: '2026-03-03',
    visitors: ['com1a'],
    findings: '入户查看，情况属实。',
    situationConfirmed: 'confirmed',
    recommendedAmount: 2000,
    recommendation: '建议给予慰问金帮扶。',
    ...o,
  }),
  accountabilityReport: (o: Record<string, unknown> = {}) => ({
    source: 'errorBoard',
    unit: 'station-101',
    personConcerned: 'head101',
    occurredOn: '2026-02-26',
    discoveredOn: '2026-02-27',
    summary: '夜班巡井记录漏填三次',
    details: '2月下旬101计量站夜班巡井记录连续三次漏填，经工作失误曝光台曝光。',
    ...o,
  }),
};
