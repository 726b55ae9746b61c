import { InMemoryDirectory } from '@flowform/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const W = { 'x-requested-with': 'test' };

describe('designer routes (administrators)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given a running hardship case, when the admin lists definitions, then every process shows with its running cases', async () => {
    const started = await s.call('POST', '/api/instances', {
      as: 'head103',
      body: { definitionKey: 'hardship-assistance', data: h.application() },
    });
    expect(started.status).toBe(201);
    const { items } = await body(await s.call('GET', '/api/designer/definitions', { as: 'admin' }));
    expect(items).toHaveLength(8);
    const hardship = items.find((i: { key: string }) => i.key === 'hardship-assistance');
    expect(hardship).toMatchObject({ latestVersion: 1, runningCases: 1, draft: null });
    expect(hardship.name['zh-CN']).toBe('爱心助困');
  });

  it('given the same case, when the admin opens the definition, then the version lists its running case and the bundle', async () => {
    const json = await body(
      await s.call('GET', '/api/designer/definitions/hardship-assistance', { as: 'admin' }),
    );
    expect(json.versions).toEqual([expect.objectContaining({ version: 1, runningCases: 1 })]);
    expect(json.published.definition.key).toBe('hardship-assistance');
    expect(Object.keys(json.published.forms).length).toBeGreaterThan(0);
    expect(json.draft).toBeNull();
  });

  it('given a draft never published, when listed and opened, then it shows without a version and with its content', async () => {
    const bundle = {
      definition: {
        key: 'new-flow',
        name: { 'zh-CN': '新流程', en: 'New flow' },
        description: { 'zh-CN': '', en: '' },
        caseSchema: { type: 'object', properties: {} },
        starters: { kind: 'initiator' },
        machine: { initial: 'done', states: { done: { type: 'final' } } },
      },
      forms: {},
    };
    const put = await s.call('PUT', '/api/definitions/new-flow/draft', {
      as: 'admin',
      body: bundle,
      headers: W,
    });
    expect(put.status).toBe(200);
    const { items } = await body(await s.call('GET', '/api/designer/definitions', { as: 'admin' }));
    expect(items.find((i: { key: string }) => i.key === 'new-flow')).toMatchObject({
      latestVersion: null,
      runningCases: 0,
      name: { 'zh-CN': '新流程', en: 'New flow' },
      draft: { updatedBy: 'admin' },
    });
    const json = await body(await s.call('GET', '/api/designer/definitions/new-flow', { as: 'admin' }));
    expect(json).toMatchObject({ published: null, versions: [], draft: { bundle } });
  });

  it('given the admin, when reading the directory, then it is a seed the in-memory directory accepts', async () => {
    const seed = await body(await s.call('GET', '/api/designer/directory', { as: 'admin' }));
    const directory = new InMemoryDirectory(seed);
    expect(directory.user('leader1')?.displayName['zh-CN']).toBeTruthy();
    expect(directory.administrators()).toContain('admin');
  });

  it('given someone who is not an administrator, when calling any designer route, then 403; an unknown key is 404', async () => {
    for (const path of [
      '/api/designer/definitions',
      '/api/designer/definitions/hardship-assistance',
      '/api/designer/directory',
    ])
      expect((await s.call('GET', path, { as: 'leader1' })).status).toBe(403);
    expect((await s.call('GET', '/api/designer/definitions/no-such-flow', { as: 'admin' })).status).toBe(404);
  });
});
