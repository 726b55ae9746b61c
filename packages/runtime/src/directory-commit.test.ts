import { smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './database/open-database';
import { commitDirectory, readDirectorySeed, replaceDirectory, setRoleHolder } from './directory-store';
import { RuntimeError } from './runtime-error';
import { openTestDatabase, testBackends } from './testing/test-database';

describe.each(testBackends())('directory changes on %s', (backend) => {
  let open: OpenDatabase;

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    await replaceDirectory(open.db, smallDirectory, (u) => `hash-of-${u}`);
  });
  afterAll(async () => {
    await open.close();
  });

  it('given a process names a new branch secretary, when it is set, then superiors follow, passwords stay and the change is recorded', async () => {
    await setRoleHolder(open.db, 'branchSecretary', 'b1', 'sec2');
    const { seed, version } = await readDirectorySeed(open.db);
    const superiorOf = (u: string) => seed.users.find((x) => x.username === u)?.superior;
    expect(superiorOf('head')).toBe('sec2');
    expect(seed.users.filter((u) => u.superior === 'sec').map((u) => u.username)).toEqual([]);
    const change = await open.db
      .selectFrom('directory_changes')
      .selectAll()
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    expect(change.source).toBe('process');
    expect(change.ops).toEqual([
      { op: 'setRoleHolder', role: 'branchSecretary', unit: 'b1', username: 'sec2' },
    ]);
    const hash = await open.db
      .selectFrom('directory_users')
      .select('password_hash')
      .where('username', '=', 'sec')
      .executeTakeFirstOrThrow();
    expect(hash.password_hash).toBe('hash-of-sec');
  });

  it('given a change against an old version, when committed, then it is refused and nothing changes', async () => {
    const before = await readDirectorySeed(open.db);
    const stale = String(Number(before.version) - 1);
    const unitless = { ...before.seed, contracts: [] };
    await expect(
      commitDirectory(open.db, unitless, { expectedVersion: stale, by: 'admin', source: 'change', ops: [] }),
    ).rejects.toBeInstanceOf(RuntimeError);
    expect(await readDirectorySeed(open.db)).toEqual(before);
  });

  it('given a new unit, a phone and a removed contract, when committed, then the tables hold exactly the new directory', async () => {
    const { seed, version } = await readDirectorySeed(open.db);
    const next = {
      ...seed,
      users: seed.users.map((u) => (u.username === 'w1' ? { ...u, phone: '13900000000' } : u)),
      units: [
        ...seed.units,
        { id: 's2', kind: 'station' as const, name: { 'zh-CN': '102站', en: 'S102' }, parent: 'b1' },
      ],
      contracts: seed.contracts.filter((c) => 'user' in c.contractor),
    };
    const after = await commitDirectory(open.db, next, {
      expectedVersion: version,
      by: 'admin',
      source: 'change',
      ops: [],
    });
    expect(Number(after)).toBe(Number(version) + 1);
    const read = await readDirectorySeed(open.db);
    expect(read.seed.units.map((u) => u.id).sort()).toEqual(['b1', 'd', 's1', 's2']);
    expect(read.seed.units.find((u) => u.id === 's2')?.parent).toBe('b1');
    expect(read.seed.users.find((u) => u.username === 'w1')?.phone).toBe('13900000000');
    expect(read.seed.contracts).toEqual([{ contractor: { user: 'boss' }, unit: 'b1' }]);
  });
});
