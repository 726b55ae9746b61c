import { openDatabase, readDirectorySeed } from '@flowform/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import { ApiProblem } from '../http/problem';
import type { ServerContext } from '../server-context';
import { openTestServer } from '../testing/test-server';
import { exportOrganisation, importOrganisation } from './org-transfer';

type Server = Awaited<ReturnType<typeof openTestServer>>;

async function emptyServer(): Promise<{ ctx: ServerContext; close: () => Promise<void> }> {
  const database = await openDatabase({ memory: true }, serverMigrations);
  const { ctx } = await composeServer(testConfig(), createLogger('silent'), { database });
  return { ctx, close: () => database.close() };
}

const asAdmin = { by: 'admin', locale: 'en' as const };
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('the organisation as a spreadsheet', () => {
  let demo: Server;
  beforeAll(async () => {
    demo = await openTestServer();
  }, 60_000);
  afterAll(() => demo.close());

  it.each(['xlsx', 'csv'] as const)(
    'given the demo exported as %s, when imported into an empty database and exported again, then the file is the same',
    async (format) => {
      const first = await exportOrganisation(demo.ctx, format);
      const fresh = await emptyServer();
      try {
        const result = await importOrganisation(fresh.ctx, first, { ...asAdmin, dryRun: false });
        expect(result.rowErrors).toEqual([]);
        expect(result.applied).toBe(true);
        const again = await exportOrganisation(fresh.ctx, format);
        expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
        const { seed } = await readDirectorySeed(fresh.ctx.runtime.db);
        const demoSeed = (await readDirectorySeed(demo.ctx.runtime.db)).seed;
        expect(seed.users.map((u) => [u.username, u.superior ?? null])).toEqual(
          demoSeed.users.map((u) => [u.username, u.superior ?? null]),
        );
        console.log(
          `${format}: ${first.length} bytes; ${seed.units.length} units, ${seed.users.length} people, ` +
            `${seed.memberships.length} memberships, ${seed.contracts.length} contracts; ${result.ops.length} ops`,
        );
      } finally {
        await fresh.close();
      }
    },
    60_000,
  );

  it('given a CSV with 10 malformed rows, when imported, then exactly 10 row errors come back and nothing changes', async () => {
    const lines = text(await exportOrganisation(demo.ctx, 'csv'))
      .trimEnd()
      .split('\r\n');
    const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '').join(',');
    const name = { name_zh: '新', name_en: 'New' };
    lines.push(
      row({ sheet: 'units', id: 'castle-1', kind: 'castle', parent: 'district', ...name }), // unknown kind
      row({ sheet: 'units', id: 'station-120', kind: 'station', parent: 'nowhere', ...name }), // unknown parent
      row({ sheet: 'units', id: 'station-121', kind: 'station', parent: 'branch-1', name_en: 'x' }), // no name
      row({ sheet: 'people', username: 'w 900', ...name }), // bad username
      row({ sheet: 'people', username: 'w004', ...name }), // duplicate username
      row({ sheet: 'people', username: 'w901', status: 'retired', ...name }), // bad status
      row({ sheet: 'memberships', username: 'w005', role: 'worker', unit: 'station-999' }), // unknown unit
      row({ sheet: 'memberships', username: 'w006', role: 'branchSecretary', unit: 'station-101' }), // wrong kind
      row({ sheet: 'contracts', contractor_type: 'robot', contractor: 'leader1', unit: 'branch-1' }), // bad type
      row({ sheet: 'contracts', contractor_type: 'unit', contractor: 'station-101', unit: 'station-102' }), // a station cannot contract
    );
    const file = new TextEncoder().encode(lines.join('\r\n'));
    const before = (await readDirectorySeed(demo.ctx.runtime.db)).version;

    const dry = await importOrganisation(demo.ctx, file, { ...asAdmin, dryRun: true });
    expect(dry.applied).toBe(false);
    expect(dry.rowErrors).toHaveLength(10);
    expect(dry.rowErrors.map((e) => `${e.sheet}:${e.column}:${e.code}`)).toEqual([
      'units:kind:unit-kind',
      'units:parent:unknown-unit',
      'units:name_zh:required',
      'people:username:pattern',
      'people:username:duplicate-username',
      'people:status:status',
      'memberships:unit:unknown-unit',
      'memberships:role:role-unit-kind',
      'contracts:contractor_type:contractor-type',
      'contracts:contractor:contract-kind',
    ]);
    for (const e of dry.rowErrors) {
      expect(lines[e.line - 1]!.startsWith(`${e.sheet},`)).toBe(true);
      expect(e.message['zh-CN']).not.toBe('');
      expect(e.message.en).not.toBe('');
    }
    const refused = await importOrganisation(demo.ctx, file, { ...asAdmin, dryRun: false }).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).extensions.rowErrors).toHaveLength(10);
    expect((await readDirectorySeed(demo.ctx.runtime.db)).version).toBe(before);
  });

  it('given a file that is no spreadsheet, when imported, then a 422 problem and not a 500', async () => {
    const refused = await importOrganisation(demo.ctx, new Uint8Array([0x50, 0x4b, 1, 2, 3]), {
      ...asAdmin,
      dryRun: true,
    }).catch((e) => e);
    expect(refused).toMatchObject({ status: 422, code: 'directory-import-file' });
  });
});
