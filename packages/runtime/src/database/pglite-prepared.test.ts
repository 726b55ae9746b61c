import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreparedStatements } from './pglite-prepared';

describe('PreparedStatements on PGlite', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = new PGlite();
    await pglite.exec(`create table t (id text primary key, n int, at timestamptz, doc json, tags text[])`);
  });
  afterAll(() => pglite.close());

  it('given one statement run with different values, then each run binds its own values and parses typed rows', async () => {
    const prepared = new PreparedStatements(pglite);
    const insert =
      'insert into t (id, n, at, doc, tags) values ($1, $2, $3::timestamptz, $4::json, $5::text[])';
    await prepared.query(insert, [
      'a',
      1,
      '2026-01-02T03:04:05.000Z',
      JSON.stringify({ x: [1] }),
      ['p', 'q'],
    ]);
    const second = await prepared.query(insert, ['b', 2, null, JSON.stringify({ x: 'é' }), []]);
    expect(second.affectedRows).toBe(1);
    const rows = await prepared.query<{
      id: string;
      n: number;
      at: Date | null;
      doc: unknown;
      tags: string[];
    }>('select id, n, at, doc, tags from t where n >= $1 order by id', [1]);
    expect(rows.rows).toEqual([
      { id: 'a', n: 1, at: new Date('2026-01-02T03:04:05.000Z'), doc: { x: [1] }, tags: ['p', 'q'] },
      { id: 'b', n: 2, at: null, doc: { x: 'é' }, tags: [] },
    ]);
  });

  it('given a failing run, then the error carries its SQLSTATE and the next run of the same statement works', async () => {
    const prepared = new PreparedStatements(pglite);
    const insert = 'insert into t (id, n) values ($1, $2)';
    await prepared.query(insert, ['c', 3]);
    await expect(prepared.query(insert, ['c', 4])).rejects.toMatchObject({ code: '23505' });
    await prepared.query(insert, ['d', 4]);
    const { rows } = await prepared.query<{ n: number }>('select n from t where id = $1', ['d']);
    expect(rows).toEqual([{ n: 4 }]);
  });

  it('given more statements than the cache holds, then the oldest is closed and re-prepared when used again', async () => {
    const prepared = new PreparedStatements(pglite, 2);
    const texts = ['select $1::int + 1 as v', 'select $1::int + 2 as v', 'select $1::int + 3 as v'];
    for (const text of texts) await prepared.query(text, [10]);
    const { rows: open } = await pglite.query<{ statement: string }>(
      'select statement from pg_prepared_statements where statement = any($1::text[]) order by statement',
      [texts],
    );
    expect(open.map((r) => r.statement)).toEqual([texts[1], texts[2]]);
    const { rows } = await prepared.query<{ v: number }>(texts[0]!, [10]);
    expect(rows).toEqual([{ v: 11 }]);
  });

  it('given a statement that does not parse, then the error names the problem and nothing is cached', async () => {
    const prepared = new PreparedStatements(pglite);
    await expect(prepared.query('selec $1', [1])).rejects.toMatchObject({ code: '42601' });
    await expect(prepared.query('selec $1', [1])).rejects.toMatchObject({ code: '42601' });
  });
});
