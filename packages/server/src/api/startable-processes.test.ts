import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const shipped = readdirSync(join(import.meta.dirname, '../../../../workflows')).filter((f) =>
  f.endsWith('.json'),
).length;

describe('the seeded demo', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given the demo seed, when the people of the district ask what they may start, then all eight shipped processes are startable by someone', async () => {
    const people = ['admin', 'leader1', 'leader3', 'sec1', 'head103', 'org1', 'insp1', 'w001', 'biz1'];
    const startable = new Map<string, string[]>();
    for (const user of people) {
      const list = (await body(await s.call('GET', '/api/definitions', { as: user }))) as
        | { key: string }[]
        | { items: { key: string }[] };
      const items = Array.isArray(list) ? list : list.items;
      for (const { key } of items) startable.set(key, [...(startable.get(key) ?? []), user]);
    }
    expect(shipped).toBe(8);
    expect([...startable.keys()].sort()).toHaveLength(8);
    expect(startable.get('hardship-assistance')).toContain('sec1');
    expect(startable.get('supervision-bulletin')).toEqual(['insp1']);
  });
});
