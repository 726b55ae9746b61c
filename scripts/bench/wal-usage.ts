// WAL written by one database's transactions between two LSNs, read with pg_walinspect
// (PostgreSQL 15+): every record of each transaction that touched a block of the database
// (its heap, index and commit records), in total and by relation. Other databases' traffic on the
// same server (other jobs' tests) is left out.
import pg from 'pg';

/** WAL bytes by relation (full-page images included), and the total with commit records. */
export interface WalUsage {
  total: number;
  /** Of which full-page images (the first change to a page after a checkpoint). */
  fullPages: number;
  byRelation: { relation: string; bytes: number }[];
}

/** A connection to `url` with pg_walinspect installed. */
export async function walClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists pg_walinspect');
  return client;
}

/** The WAL flushed so far (pg_walinspect reads no further). */
export async function walPosition(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ lsn: string }>('select pg_current_wal_flush_lsn()::text as lsn');
  return rows[0]!.lsn;
}

/** What the connected database's transactions wrote to WAL between `start` and `end`. */
export async function walUsage(client: pg.Client, start: string, end: string): Promise<WalUsage> {
  const { rows } = await client.query<{ relation: string | null; bytes: string; fpi: string }>(
    `with r as (
       select xid, record_length, fpi_length, block_ref from pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn)
     ),
     db as (select oid::text as oid from pg_database where datname = current_database()),
     mine as (
       select distinct xid from r, db
       where xid::text <> '0' and block_ref like '%/' || db.oid || '/%'
     )
     select coalesce(c.relname, case when r.block_ref is null or r.block_ref = '' then '(commit and other)' else '(other)' end) as relation,
       sum(r.record_length)::bigint as bytes, sum(r.fpi_length)::bigint as fpi
     from r
       left join pg_class c on c.relfilenode = nullif(substring(r.block_ref from 'rel \\d+/\\d+/(\\d+)'), '')::oid
     where r.xid in (select xid from mine)
     group by 1 order by 2 desc`,
    [start, end],
  );
  const byRelation = rows.map((r) => ({ relation: r.relation ?? '(unknown)', bytes: Number(r.bytes) }));
  return {
    total: byRelation.reduce((sum, r) => sum + r.bytes, 0),
    fullPages: rows.reduce((sum, r) => sum + Number(r.fpi), 0),
    byRelation,
  };
}
