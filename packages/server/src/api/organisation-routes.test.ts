import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

const hardship = {
  category: 'hardshipFamily',
  beneficiaryName: '赵秀兰',
  relatedWorker: 'w010',
  branch: 'branch-3',
  patch: 'patch-3',
  address: '西区家属院5栋101',
  phone: '0546-8761200',
  householdSize: 3,
  monthlyIncomePerCapita: 480,
  causes: ['seriousIllness'],
  situation: '丈夫重病，家庭收入骤减。',
  helpWanted: ['cash'],
  amountRequested: 1200,
};

const version = async (s: Server) =>
  (await body(await s.call('GET', '/api/admin/organisation', { as: 'admin' }))).version;

describe('/api/admin/organisation', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given someone who is not an administrator, when they read or change the organisation, then 403', async () => {
    expect((await s.call('GET', '/api/admin/organisation', { as: 'sec1' })).status).toBe(403);
    const change = { ops: [{ op: 'setPerson', username: 'sec1', phone: '1' }] };
    expect(
      (await s.call('POST', '/api/admin/organisation/changes', { as: 'sec1', body: change })).status,
    ).toBe(403);
    expect((await s.call('GET', '/api/admin/organisation/export', { as: 'leader1' })).status).toBe(403);
  });

  it('given the demo, when an administrator reads it, then units, people, roles and contracts come with derived superiors', async () => {
    const org = await body(await s.call('GET', '/api/admin/organisation', { as: 'admin' }));
    expect(org.units).toHaveLength(33);
    expect(org.people).toHaveLength(97);
    expect(org.people.find((p: { username: string }) => p.username === 'head108')).toMatchObject({
      superior: 'sec3',
      active: true,
      phone: null,
    });
    expect(org.contracts).toContainEqual({ contractor: { unit: 'branch-1' }, unit: 'station-101' });
  });

  it('given refused operations, when sent, then 422 names each by its path in the reader language and nothing changes', async () => {
    const before = await version(s);
    const res = await s.call('POST', '/api/admin/organisation/changes', {
      as: 'admin',
      headers: { 'accept-language': 'en' },
      body: {
        ops: [
          {
            op: 'addUnit',
            id: 'station-120',
            kind: 'station',
            name: { 'zh-CN': '120站', en: 'S120' },
            parent: 'branch-9',
          },
          { op: 'addPerson', username: 'sec1', displayName: { 'zh-CN': '重名', en: 'Again' } },
          { op: 'setRoleHolder', role: 'branchSecretary', unit: 'station-101', username: 'w001' },
          { op: 'addMembership', username: 'ghost', role: 'worker', unit: 'station-101' },
        ],
      },
    });
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.code).toBe('directory-invalid');
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual([
      '/ops/0/parent',
      '/ops/1/username',
      '/ops/2/role',
      '/ops/3/username',
    ]);
    expect(problem.errors[2].message).toContain('Party branch');
    expect(problem.issues[2].message['zh-CN']).toContain('党支部');
    expect(await version(s)).toBe(before);
  });

  it('given a malformed body, when sent, then 400 and never 500', async () => {
    const res = await s.call('POST', '/api/admin/organisation/changes', {
      as: 'admin',
      body: { ops: [{ op: 'explode', id: 'x' }] },
    });
    expect(res.status).toBe(400);
  });

  it('given sec3 holds an open approval of branch 3, when com3a replaces sec3, then the preview and the change move it, and no superior points to sec3', async () => {
    const started = await s.ctx.runtime.start({
      definitionKey: 'hardship-assistance',
      data: hardship,
      actor: { username: 'org1' },
    });
    const visit = await s.ctx.runtime.execute(
      started.instanceId,
      {
        type: 'complete',
        taskId: started.tasks[0]!,
        outcome: 'submit',
        data: {
          visitedOn: '2026-03-03',
          visitors: ['com3b'],
          findings: '入户查看，情况属实。',
          situationConfirmed: 'confirmed',
          recommendedAmount: 1200,
          recommendation: '建议帮扶。',
        },
      },
      { username: 'com3b' },
    );
    const approval = visit.tasks[0]!;
    await s.ctx.runtime.execute(
      started.instanceId,
      { type: 'claim', taskId: approval },
      { username: 'sec3' },
    );
    const change = {
      ops: [{ op: 'setRoleHolder', role: 'branchSecretary', unit: 'branch-3', username: 'com3a' }],
    };

    const preview = await body(
      await s.call('POST', '/api/admin/organisation/changes/preview', { as: 'admin', body: change }),
    );
    expect(preview.applied).toBe(false);
    expect(preview.preview.tasks).toContainEqual(
      expect.objectContaining({
        taskId: approval,
        assignee: 'sec3',
        before: ['sec3'],
        after: ['com3a'],
        releasesClaim: true,
      }),
    );
    expect(preview.preview.superiors).toContainEqual({ username: 'head108', from: 'sec3', to: 'com3a' });

    const applied = await body(
      await s.call('POST', '/api/admin/organisation/changes', { as: 'admin', body: change }),
    );
    expect(applied.applied).toBe(true);
    expect(Number(applied.version)).toBe(Number(applied.fromVersion) + 1);
    const org = await body(await s.call('GET', '/api/admin/organisation', { as: 'admin' }));
    expect(org.people.filter((p: { superior: string }) => p.superior === 'sec3')).toEqual([]);
    const inBranch = org.memberships.filter((m: { unit: string }) => m.unit === 'branch-3');
    expect(inBranch.filter((m: { username: string }) => m.username === 'sec3')).toEqual([]);
    const snapshot = await s.ctx.runtime.snapshot(started.instanceId);
    expect(snapshot!.tasks.find((t) => t.id === approval)!.assignee).toBeUndefined();
    const inbox = await body(await s.call('GET', '/api/tasks', { as: 'com3a' }));
    expect(inbox.items.map((t: { taskId: string }) => t.taskId)).toContain(approval);

    const history = await body(
      await s.call('GET', '/api/admin/organisation/versions?limit=5', { as: 'admin' }),
    );
    expect(history.items[0]).toMatchObject({
      version: applied.version,
      changedBy: 'admin',
      source: 'change',
      opCount: 1,
    });
    const one = await body(
      await s.call('GET', `/api/admin/organisation/versions/${applied.version}`, { as: 'admin' }),
    );
    expect(one.ops).toEqual(change.ops);
    const audit = await s.ctx.db
      .selectFrom('admin_audit')
      .selectAll()
      .where('target', '=', `directory@${applied.version}`)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['directory.change']);
  });

  it('given the only discipline leader leaves, when previewed, then the rules that would find nobody are listed and nothing changes', async () => {
    const before = await version(s);
    const res = await s.call('POST', '/api/admin/organisation/changes', {
      as: 'admin',
      body: { ops: [{ op: 'deactivatePerson', username: 'leader3' }], dryRun: true },
    });
    const result = await body(res);
    expect(res.status).toBe(200);
    expect(result.applied).toBe(false);
    const keys = new Set(result.preview.unresolvedRules.map((r: { processKey: string }) => r.processKey));
    expect(keys).toContain('accountability-investigation');
    expect(result.preview.unresolvedRules[0].message).toContain('disciplineLeader');
    expect(await version(s)).toBe(before);
  });

  it('given the exported CSV, when uploaded for a dry run, then nothing would change and no row is in error', async () => {
    const exported = await s.call('GET', '/api/admin/organisation/export?format=csv', { as: 'admin' });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const form = new FormData();
    form.append(
      'file',
      new File([new Uint8Array(await exported.arrayBuffer())], 'organisation.csv', { type: 'text/csv' }),
    );
    const res = await s.call('POST', '/api/admin/organisation/import?dryRun=true', {
      as: 'admin',
      raw: form,
    });
    expect(res.status).toBe(200);
    const result = await body(res);
    expect(result).toMatchObject({ applied: false, ops: [], rowErrors: [] });
    const refused = await s.call('POST', '/api/admin/organisation/import?dryRun=true', {
      as: 'sec1',
      raw: form,
    });
    expect(refused.status).toBe(403);
  });

  it('given an unknown version, when read, then 404', async () => {
    expect((await s.call('GET', '/api/admin/organisation/versions/999999', { as: 'admin' })).status).toBe(
      404,
    );
  });
});
