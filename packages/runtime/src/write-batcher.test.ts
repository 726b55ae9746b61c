import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { CaseWrite } from './case-write';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { statementCounter } from './testing/statement-counter';
import { openTestDatabase, testBackends } from './testing/test-database';
import { WriteBatcher, wroteNothing } from './write-batcher';
import { writeChangeSets } from './writes/write-statement';

const write = (caseId: string, kind: 'update' | 'insert' = 'update') =>
  ({ change: { instance: { id: caseId } }, head: { kind } }) as unknown as CaseWrite;
/** A few turns of the event loop: the batcher frees a slot on the turn after a statement answers. */
const nextTurn = async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** An error as the server reports it (pg and PGlite alike: a SQLSTATE and a severity). */
const serverError = (code: string, severity = 'ERROR') =>
  Object.assign(new Error(`server error ${code}`), { code, severity });

/** A writer whose statements the test answers one by one. */
function manualWriter() {
  const calls: { ids: string[]; answer: (written: string[]) => void; fail: (error: unknown) => void }[] = [];
  const writer = (writes: CaseWrite[]) =>
    new Promise<Set<string>>((resolve, reject) => {
      calls.push({
        ids: writes.map((w) => w.change.instance.id),
        answer: (written) => resolve(new Set(written)),
        fail: reject,
      });
    });
  return { calls, writer };
}

/** Writes 'a' and 'b' waiting behind a busy slot, then sent together as the second statement. */
async function sharedStatementOfTwo() {
  const { calls, writer } = manualWriter();
  const batcher = new WriteBatcher(writer, 1);
  const first = batcher.write(write('busy'));
  const results = [batcher.write(write('a')), batcher.write(write('b'))];
  calls[0]!.answer(['busy']);
  await first;
  await nextTurn();
  expect(calls[1]!.ids).toEqual(['a', 'b']);
  return { calls, results };
}

describe('WriteBatcher', () => {
  it.each([0, -1, 1.5, Number.NaN])(
    'given %s write slots, then it refuses to start (writes would wait for ever)',
    (slots) => {
      expect(() => new WriteBatcher(manualWriter().writer, slots)).toThrow(RangeError);
    },
  );

  it('given no statement in flight, when a write arrives, then it goes out at once and alone', async () => {
    const { calls, writer } = manualWriter();
    const batcher = new WriteBatcher(writer, 2);
    const result = batcher.write(write('a'));
    expect(calls.map((c) => c.ids)).toEqual([['a']]);
    calls[0]!.answer(['a']);
    expect(await result).toBe(true);
  });

  it('given every slot busy, when more writes arrive, then they wait and go out together in statements of even size', async () => {
    const { calls, writer } = manualWriter();
    const batcher = new WriteBatcher(writer, 2);
    const results = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => batcher.write(write(id)));
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b']]);
    calls[0]!.answer(['a']);
    await nextTurn();
    // Six waiting and one in flight over two slots: statements of four.
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b'], ['c', 'd', 'e', 'f']]);
    calls[1]!.answer(['b']);
    await nextTurn();
    expect(calls[3]!.ids).toEqual(['g', 'h']);
    calls[2]!.answer(['c', 'e', 'f']);
    calls[3]!.answer(['g', 'h']);
    expect(await Promise.all(results)).toEqual([true, true, true, false, true, true, true, true]);
  });

  it('given two writes of one case waiting, then they never share a statement, and cases go in id order', async () => {
    const { calls, writer } = manualWriter();
    const batcher = new WriteBatcher(writer, 1);
    const results = [write('busy'), write('z'), write('x'), write('z'), write('m')].map((w) =>
      batcher.write(w),
    );
    calls[0]!.answer(['busy']);
    await nextTurn();
    expect(calls[1]!.ids).toEqual(['m', 'x', 'z']);
    calls[1]!.answer(['m', 'x', 'z']);
    await nextTurn();
    expect(calls[2]!.ids).toEqual(['z']);
    calls[2]!.answer([]);
    expect(await Promise.all(results)).toEqual([true, true, true, false, true]);
  });

  it('given a start and an update waiting, then they go in separate statements', async () => {
    const { calls, writer } = manualWriter();
    const batcher = new WriteBatcher(writer, 1);
    void batcher.write(write('busy'));
    void batcher.write(write('new', 'insert'));
    void batcher.write(write('old'));
    calls[0]!.answer(['busy']);
    await nextTurn();
    calls[1]!.answer(['new']);
    await nextTurn();
    expect(calls.map((c) => c.ids)).toEqual([['busy'], ['new'], ['old']]);
  });

  it('given a shared statement that failed without writing (a duplicate key), then each write is tried again alone and gets its own answer', async () => {
    const { calls, results } = await sharedStatementOfTwo();
    calls[1]!.fail(serverError('23505'));
    await nextTurn();
    expect(calls.slice(2).map((c) => c.ids)).toEqual([['a'], ['b']]);
    calls[2]!.fail(serverError('23505'));
    calls[3]!.answer(['b']);
    await expect(results[0]).rejects.toMatchObject({ code: '23505' });
    expect(await results[1]).toBe(true);
  });

  it("given a shared statement refused for one write's text (a data exception), then each is tried again alone and only that one fails", async () => {
    const { calls, results } = await sharedStatementOfTwo();
    calls[1]!.fail(serverError('22021'));
    await nextTurn();
    expect(calls.slice(2).map((c) => c.ids)).toEqual([['a'], ['b']]);
    calls[2]!.answer(['a']);
    calls[3]!.fail(serverError('22021'));
    expect(await results[0]).toBe(true);
    await expect(results[1]).rejects.toMatchObject({ code: '22021' });
    expect(calls).toHaveLength(4);
  });

  it.each([
    ['a lost connection (no SQLSTATE)', new Error('connection lost')],
    ['a socket error', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a connection failure (08006)', serverError('08006')],
    ['the server shutting down (57P01)', serverError('57P01', 'FATAL')],
    ['an I/O error (58030)', serverError('58030')],
    ['a full disk (53100)', serverError('53100', 'PANIC')],
  ])(
    'given a shared statement that failed with %s, which may have committed, then every write gets the error and none is retried',
    async (_, error) => {
      const { calls, results } = await sharedStatementOfTwo();
      calls[1]!.fail(error);
      await expect(results[0]).rejects.toBe(error);
      await expect(results[1]).rejects.toBe(error);
      await nextTurn();
      expect(calls).toHaveLength(2);
    },
  );

  it.each([
    ['22021', 'ERROR', true], // NUL byte in text
    ['22P05', 'ERROR', true], // \u0000 in JSON
    ['22P02', 'ERROR', true], // lone surrogate in JSON
    ['23505', 'ERROR', true],
    ['23503', 'ERROR', true],
    ['40001', 'ERROR', true],
    ['40P01', 'ERROR', true],
    ['57014', 'ERROR', true], // statement cancelled
    ['42P01', 'ERROR', true],
    ['40003', 'ERROR', false], // statement completion unknown
    ['08006', 'FATAL', false],
    ['57P01', 'FATAL', false],
    ['XX000', 'ERROR', false],
    ['22021', 'FATAL', false],
  ])('given the server error %s (%s), then wrote nothing is %s', (code, severity, expected) => {
    expect(wroteNothing(serverError(code, severity))).toBe(expected);
  });

  it('given errors that did not come from the server, then it is not known that nothing was written', () => {
    for (const error of [
      undefined,
      null,
      'text',
      new Error('x'),
      { code: '22021' },
      { code: 'EPIPE', errno: -32, syscall: 'write' },
    ])
      expect(wroteNothing(error)).toBe(false);
  });
});

describe.each(testBackends())('shared write statements on %s', (backend) => {
  let open: OpenDatabase;
  // Commands on cases this runtime wrote last run from its cache: their only statements are writes.
  const statements = statementCounter();

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    await replaceDirectory(open.db, smallDirectory);
    await new CaseRuntime({ db: open.db }).definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    expect(await checkConsistency(open.db)).toEqual([]);
    await open.close();
  });

  async function startCases(runtime: CaseRuntime, count: number) {
    const cases = [];
    for (let i = 0; i < count; i++)
      cases.push(
        await runtime.start({
          definitionKey: 'expense',
          data: { amount: 100 + i, reason: '差旅', unit: 's1' },
          actor: { username: 'w1' },
        }),
      );
    return cases;
  }

  it('given commands on many cases at once, when they share statements, then each is written whole and the cases stay consistent', async () => {
    const runtime = new CaseRuntime({ db: open.db.withPlugin(statements.plugin), writeConcurrency: 1 });
    const cases = await startCases(runtime, 12);
    statements.count = 0;
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(
        cases.map((c) =>
          runtime.execute(c.instanceId, { type: 'urge', taskId: c.tasks[0]! }, { username: 'w1' }),
        ),
      );
      expect(outcomes.map((o) => o.version)).toEqual(cases.map(() => 2 + round));
    }
    expect(statements.count).toBeLessThanOrEqual(12);
    const audit = await open.db
      .selectFrom('audit_log')
      .select(({ fn }) => ['instance_id', fn.countAll<number>().as('rows')])
      .where(
        'instance_id',
        'in',
        cases.map((c) => c.instanceId),
      )
      .groupBy('instance_id')
      .execute();
    expect(audit.map((a) => Number(a.rows))).toEqual(cases.map(() => 4));
    const urged = await open.db
      .selectFrom('tasks')
      .select('urged')
      .where(
        'id',
        'in',
        cases.map((c) => c.tasks[0]!),
      )
      .execute();
    expect(urged.map((t) => t.urged)).toEqual(cases.map(() => 3));
  });

  it('given one case of a shared statement moved on meanwhile, then the others are written and that one runs again on a fresh read', async () => {
    const batching = new CaseRuntime({ db: open.db.withPlugin(statements.plugin), writeConcurrency: 1 });
    const [c1, c2, c3] = await startCases(batching, 3);
    await new CaseRuntime({ db: open.db }).execute(
      c2!.instanceId,
      { type: 'urge', taskId: c2!.tasks[0]! },
      { username: 'w1' },
    );
    await nextTurn(); // the last write's slot is free again
    statements.count = 0;
    // c1 goes out alone; c2 (stale in the cache) and c3 wait and share the next statement.
    const outcomes = await Promise.all(
      [c1!, c2!, c3!].map((c) =>
        batching.execute(c.instanceId, { type: 'urge', taskId: c.tasks[0]! }, { username: 'w1' }),
      ),
    );
    expect(outcomes.map((o) => o.version)).toEqual([2, 3, 2]);
    // Alone, shared, then c2's fresh read and its write.
    expect(statements.count).toBe(4);
    const seqs = await open.db
      .selectFrom('audit_log')
      .select('seq')
      .where('instance_id', '=', c2!.instanceId)
      .orderBy('seq')
      .execute();
    expect(seqs.map((s) => s.seq)).toEqual([1, 2, 3]);
  });
  it('given a shared statement with one write whose case moved on, then only that write is left out, wholly', async () => {
    const runtime = new CaseRuntime({ db: open.db });
    const [a, b] = await startCases(runtime, 2);
    // The runtime's writes, taken before they reach the database.
    const captured: CaseWrite[] = [];
    (runtime as unknown as { batcher: { write(w: CaseWrite): Promise<boolean> } }).batcher = {
      write: async (w) => {
        captured.push(w);
        return false;
      },
    };
    for (const c of [a!, b!])
      await runtime
        .execute(c.instanceId, { type: 'urge', taskId: c.tasks[0]! }, { username: 'w1' })
        .catch(() => undefined);
    const [writeA, writeB] = [a!, b!].map(
      (c) => captured.find((w) => w.change.instance.id === c.instanceId)!,
    );
    writeB!.change.instance.expectedVersion = 7;
    const written = await writeChangeSets(open.db, [writeA!, writeB!]);
    expect([...written]).toEqual([a!.instanceId]);
    const audit = await open.db
      .selectFrom('audit_log')
      .select(['instance_id', 'seq'])
      .where('instance_id', 'in', [a!.instanceId, b!.instanceId])
      .orderBy('instance_id')
      .orderBy('seq')
      .execute();
    expect(audit.filter((r) => r.instance_id === a!.instanceId).map((r) => r.seq)).toEqual([1, 2]);
    expect(audit.filter((r) => r.instance_id === b!.instanceId).map((r) => r.seq)).toEqual([1]);
    const urged = await open.db
      .selectFrom('tasks')
      .select(['id', 'urged'])
      .where('id', 'in', [a!.tasks[0]!, b!.tasks[0]!])
      .execute();
    expect(Object.fromEntries(urged.map((t) => [t.id, t.urged]))).toEqual({
      [a!.tasks[0]!]: 1,
      [b!.tasks[0]!]: 0,
    });
    await expect(writeChangeSets(open.db, [writeA!, writeA!])).rejects.toThrow('at most once');
  });
});
