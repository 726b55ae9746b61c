import type { DefinitionBundle } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { RuntimeError } from './runtime-error';
import { concurrencyBackends, openTestDatabase, testBackends } from './testing/test-database';

/** The expense claim numbered per unit and year, with invoice numbers unique across claims. */
function numberedBundle(): DefinitionBundle {
  const bundle = structuredClone(expenseBundle);
  bundle.definition.caseNumber = { prefix: 'BX', unit: true, digits: 5 };
  bundle.definition.uniqueValues = [{ path: '/reason', label: { 'zh-CN': '事由编号', en: 'Reason number' } }];
  return bundle;
}

const w1 = { username: 'w1' };
const claim = (reason: string) => ({ amount: 100, reason, unit: 's1' });

async function numberOf(open: OpenDatabase, id: string): Promise<string | null> {
  const row = await open.db
    .selectFrom('instances')
    .select('case_number')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.case_number;
}

describe.each(testBackends())('case numbers and unique values (%s)', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  beforeAll(async () => {
    open = await openTestDatabase(backend);
    await replaceDirectory(open.db, smallDirectory);
    runtime = new CaseRuntime({ db: open.db, clock: () => '2026-12-31T17:00:00.000Z' });
    await runtime.definitions.publish(numberedBundle(), 'admin');
    await runtime.definitions.publish(
      { ...expenseBundle, definition: { ...expenseBundle.definition, key: 'plain' } },
      'admin',
    );
  });
  afterAll(() => open.close());

  it('given a numbered process, when cases start, then they are numbered by unit code and China year, consecutively', async () => {
    const a = await runtime.start({ definitionKey: 'expense', data: claim('A-1'), actor: w1 });
    const b = await runtime.start({ definitionKey: 'expense', data: claim('A-2'), actor: w1 });
    // 17:00 UTC on 31 December is already 2027 in China; the unit s1's code is its digits.
    expect(await numberOf(open, a.instanceId)).toBe('BX-1-2027-00001');
    expect(await numberOf(open, b.instanceId)).toBe('BX-1-2027-00002');
  });

  it('given a process without numbering, when a case starts, then it has no number', async () => {
    const c = await runtime.start({ definitionKey: 'plain', data: claim('P-1'), actor: w1 });
    expect(await numberOf(open, c.instanceId)).toBeNull();
  });

  it('given a value another case holds, when a case repeats it, then the start is refused naming that case, and nothing is written', async () => {
    const held = await runtime.start({ definitionKey: 'expense', data: claim('U-1'), actor: w1 });
    const heldNumber = await numberOf(open, held.instanceId);
    const refused = await runtime
      .start(
        { definitionKey: 'expense', data: claim('U-1'), actor: w1, instanceId: 'dup-1' },
        { locale: 'en' },
      )
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RuntimeError);
    expect((refused as RuntimeError).code).toBe('duplicate-value');
    expect((refused as RuntimeError).details).toEqual({
      errors: [
        {
          path: '/reason',
          keyword: 'unique',
          message: `Reason number U-1 is already used in case ${heldNumber}`,
        },
      ],
    });
    expect(await runtime.snapshot('dup-1')).toBeUndefined();
    const next = await runtime.start({ definitionKey: 'expense', data: claim('U-2'), actor: w1 });
    expect(Number((await numberOf(open, next.instanceId))!.slice(-5))).toBe(
      Number(heldNumber!.slice(-5)) + 1,
    );
  });
});

describe.each(concurrencyBackends())('case numbers under concurrent starts (%s)', (backend) => {
  const N = 40;
  let open: OpenDatabase;
  beforeAll(async () => {
    open = await openTestDatabase(backend, 20);
    await replaceDirectory(open.db, smallDirectory);
    await new CaseRuntime({ db: open.db }).definitions.publish(numberedBundle(), 'admin');
  });
  afterAll(() => open.close());

  it(`given ${N} starts at once from four runtimes, then they get ${N} distinct consecutive numbers`, async () => {
    const runtimes = Array.from({ length: 4 }, () => new CaseRuntime({ db: open.db, writeConcurrency: 4 }));
    const outcomes = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        runtimes[i % runtimes.length]!.start({ definitionKey: 'expense', data: claim(`C-${i}`), actor: w1 }),
      ),
    );
    const numbers = await Promise.all(outcomes.map((o) => numberOf(open, o.instanceId)));
    const sequence = numbers.map((n) => Number(n!.slice(-5))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(N);
    expect(sequence).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    const prefixes = new Set(numbers.map((n) => n!.slice(0, -5)));
    expect(prefixes.size).toBe(1);
  });
});
