// Shared pieces of the benchmark scripts: pgbench runs, statistics, databases.
import { execFileSync } from 'node:child_process';
import pg from 'pg';

/** The server the benchmarks use: DATABASE_URL, or the local one. */
export const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A URL for another database on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a database (fresh: nothing left from an earlier run). */
export async function recreateDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
}

/** True if the database exists. */
export async function databaseExists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  await admin.end();
  return rows.length > 0;
}

function pgbenchArgs(name: string): string[] {
  const url = new URL(databaseUrl(name));
  return [
    '-h',
    // `?host=/var/run/postgresql`: a Unix socket, for pgbench as for pg
    url.searchParams.get('host') ?? url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    name,
  ];
}

/** Initialises pgbench's tables once (scale 10). */
export async function preparePgbench(name: string): Promise<void> {
  await recreateDatabase(name);
  execFileSync('pgbench', ['-i', '-s', '10', '-q', ...pgbenchArgs(name)], { stdio: 'ignore' });
}

/** Runs `pgbench -M prepared -N` at the given client count; returns TPS. */
export function runPgbench(name: string, clients: number, seconds: number): number {
  return runPgbenchCounted(name, clients, seconds).tps;
}

/** `pgbench -M prepared -N`: TPS and the number of transactions it committed. */
export function runPgbenchCounted(
  name: string,
  clients: number,
  seconds: number,
): { tps: number; transactions: number } {
  const out = execFileSync(
    'pgbench',
    [
      '-M',
      'prepared',
      '-N',
      '-c',
      String(clients),
      '-j',
      String(Math.min(clients, 4)),
      '-T',
      String(seconds),
      ...pgbenchArgs(name),
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const match =
    /tps = ([0-9.]+) \(without initial connection time\)/.exec(out) ?? /tps = ([0-9.]+)/.exec(out);
  const processed = /number of transactions actually processed: (\d+)/.exec(out);
  if (!match || !processed) throw new Error(`cannot read pgbench output:\n${out}`);
  return { tps: Number(match[1]), transactions: Number(processed[1]) };
}

/** Median of a list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0..100) of a list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Rounds for printing. */
export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
