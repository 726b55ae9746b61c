import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

describe('directory look-ups for pickers', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given a cadre, when she searches people by username, then matching users come with their roles named', async () => {
    const { items } = await body(await s.call('GET', '/api/directory/users?q=com1', { as: 'sec1' }));
    expect(items.map((u: { username: string }) => u.username)).toEqual(['com1a', 'com1b']);
    expect(items[0].roles).toEqual([
      expect.objectContaining({
        role: 'branchCommitteeMember',
        unit: 'branch-1',
        unitName: expect.objectContaining({ 'zh-CN': '第一党支部' }),
      }),
    ]);
    expect(items[0].displayName['zh-CN']).toBeTruthy();
  });

  it('given a role and a unit, when people are listed, then only holders of that role there come back', async () => {
    const { items } = await body(
      await s.call('GET', '/api/directory/users?role=branchSecretary&unit=branch-2', { as: 'sec1' }),
    );
    expect(items.map((u: { username: string }) => u.username)).toEqual(['sec2']);
  });

  it('given a Chinese name, when searched, then the person is found by display name', async () => {
    const me = await body(await s.call('GET', '/api/me', { as: 'leader1' }));
    const { items } = await body(
      await s.call('GET', `/api/directory/users?q=${encodeURIComponent(me.displayName['zh-CN'])}`, {
        as: 'sec1',
      }),
    );
    expect(items.map((u: { username: string }) => u.username)).toContain('leader1');
  });

  it('given kinds, when units are listed, then only those kinds come back with their names', async () => {
    const { items } = await body(
      await s.call('GET', '/api/directory/units?kind=branch,patch', { as: 'w001' }),
    );
    expect(items.map((u: { id: string }) => u.id)).toEqual([
      'branch-1',
      'branch-2',
      'branch-3',
      'branch-4',
      'branch-5',
      'patch-1',
      'patch-2',
      'patch-3',
      'patch-4',
    ]);
    expect(items[0]).toEqual({
      id: 'branch-1',
      kind: 'branch',
      name: expect.objectContaining({ 'zh-CN': '第一党支部' }),
      parent: 'district',
      path: { 'zh-CN': '第一党支部', en: 'First Party Branch' },
    });
  });

  it.each(['liu', 'lyg', '刘', 'liuyonggang'])(
    'given 刘永刚, when "%s" is typed, then he is among the people found, with his unit path',
    async (q) => {
      const { items } = await body(
        await s.call('GET', `/api/directory/users?q=${encodeURIComponent(q)}`, { as: 'w001' }),
      );
      const liu = items.find((u: { username: string }) => u.username === 'leader1');
      expect(liu.displayName['zh-CN']).toBe('刘永刚');
      expect(liu.roles[0]).toMatchObject({ role: 'districtLeader', unitPath: { 'zh-CN': '采油管理四区' } });
    },
  );

  it('given a pinyin query and a kind, when units are searched, then stations come with their branch path', async () => {
    const { items } = await body(
      await s.call('GET', '/api/directory/units?kind=station&q=101', { as: 'w001' }),
    );
    expect(items.map((u: { id: string; path: { 'zh-CN': string } }) => [u.id, u.path['zh-CN']])).toEqual([
      ['station-101', '第一党支部 / 101计量站'],
    ]);
  });

  it('given no session, when the directory is asked, then it answers 401', async () => {
    expect((await s.call('GET', '/api/directory/units')).status).toBe(401);
  });

  it('given a wildcard in the search, when people are searched, then it is matched literally', async () => {
    const { items } = await body(await s.call('GET', '/api/directory/users?q=%25', { as: 'sec1' }));
    expect(items).toEqual([]);
  });
});
