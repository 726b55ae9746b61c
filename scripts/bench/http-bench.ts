// Task completions over HTTP against the real server (`flowform start` on PostgreSQL) as one and
// as two processes, each figure a ratio to pgbench run just before it at the same concurrency.
// Prints figures, then one JSON line. `--quick`: 3 s runs; `--profile` (`--processes=2`): one 16-client run on one
// process under `node --cpu-prof`, then where its CPU went.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditKey, CaseRuntime, openDatabase } from '@flowform/runtime';
import { serverMigrations } from '@flowform/server';
import pg from 'pg';
import { benchLoopBundle } from './bench-loop-bundle';
import {
  databaseUrl,
  median,
  percentile,
  preparePgbench,
  recreateDatabase,
  round,
  runPgbench,
  SERVER_URL,
} from './bench-support';
import { callJson, type LoadClient, type LoadResult, runLoad } from './http-load';
import { summarizeProfile } from './profile-summary';
import { type ServerProcess, startServerProcess } from './server-process';

/**
 * The benchmark's database and first port: `FLOWFORM_BENCH_SUFFIX` (e.g. `_b`) and
 * `FLOWFORM_BENCH_PORT` let two sittings run the HTTP or memory bench side by side on one machine
 * without dropping each other's database or taking each other's ports.
 */
const SUFFIX = process.env.FLOWFORM_BENCH_SUFFIX ?? '';
const DB = `flowform_bench_http${SUFFIX}`;
const PGBENCH_DB = `flowform_bench_pgbench${SUFFIX}`;
const DEMO_PASSWORD = 'flowform';
const FIRST_PORT = Number(process.env.FLOWFORM_BENCH_PORT ?? 38_401);
/** Ports of the server processes (two, for the two-process runs). */
const PORTS = [FIRST_PORT, FIRST_PORT + 1];

/** The demo directory's users other than the administrator, one per client. */
function demoUsers(count: number): string[] {
  const file = join(import.meta.dirname, '../../packages/server/seed/demo-directory.json');
  const seed = JSON.parse(readFileSync(file, 'utf8')) as { users: { username: string }[] };
  return seed.users
    .map((u) => u.username)
    .filter((u) => u !== 'admin')
    .slice(0, count);
}

/** A fresh database as `npm start` leaves it on its first run, plus the benchmark's process. */
export async function prepareHttpDatabase(
  auditKey: string,
  logDir: string,
): Promise<{ firstRunReadyMs: number }> {
  await recreateDatabase(DB);
  const first = await startServerProcess({
    databaseUrl: databaseUrl(DB),
    auditKey,
    port: PORTS[0]!,
    demo: true,
    logFile: join(logDir, 'first-run.log'),
  });
  await first.stop();
  const open = await openDatabase({ url: databaseUrl(DB) }, serverMigrations);
  await new CaseRuntime({ db: open.db, auditKey: AuditKey.parse(auditKey) }).definitions.publish(
    benchLoopBundle,
    'bench',
  );
  await open.close();
  return { firstRunReadyMs: first.readyMs };
}

/** Signs `count` demo users in (one session each) and starts a case for each. */
export async function prepareClients(url: string, count: number): Promise<LoadClient[]> {
  const clients: LoadClient[] = [];
  for (const username of demoUsers(count)) {
    const { token } = await callJson<{ token: string }>(url, 'POST', '/api/auth/login', {
      username,
      password: DEMO_PASSWORD,
    });
    const started = await callJson<{ tasks: { id: string }[] }>(
      url,
      'POST',
      '/api/instances',
      { definitionKey: benchLoopBundle.definition.key, data: {} },
      token,
      201,
    );
    clients.push({ token, taskId: started.tasks[0]!.id });
  }
  return clients;
}

/** Starts `count` server processes on the benchmark database. */
export function startServers(
  count: number,
  auditKey: string,
  logDir: string,
  nodeArgs: string[] = [],
): Promise<ServerProcess[]> {
  return Promise.all(
    PORTS.slice(0, count).map((port) =>
      startServerProcess({
        databaseUrl: databaseUrl(DB),
        auditKey,
        port,
        nodeArgs,
        logFile: join(logDir, `server-${port}.log`),
      }),
    ),
  );
}

/** `VACUUM ANALYZE`, as pgbench does before each of its runs (this PostgreSQL has autovacuum off). */
export async function vacuumBenchDatabase(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(DB) });
  await client.connect();
  await client.query('vacuum analyze');
  await client.end();
}

export async function dropBenchDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
}

interface Measured {
  ratio: number;
  tps: number;
  pgbench: number;
  p50: number;
  p99: number;
  cpuMsPerCommand: number;
}

async function measure(
  label: string,
  servers: ServerProcess[],
  clients: LoadClient[],
  seconds: number,
): Promise<Measured> {
  const pgbench = runPgbench(PGBENCH_DB, clients.length, seconds);
  await vacuumBenchDatabase();
  const cpu0 = servers.map((s) => s.cpuMs());
  const load: LoadResult = await runLoad(
    servers.map((s) => s.url),
    clients,
    seconds,
  );
  const cpu = servers.reduce((sum, s, i) => sum + s.cpuMs() - cpu0[i]!, 0);
  const tps = load.commands / load.seconds;
  const m = {
    ratio: tps / pgbench,
    tps,
    pgbench,
    p50: percentile(load.latencies, 50),
    p99: percentile(load.latencies, 99),
    cpuMsPerCommand: cpu / Math.max(1, load.commands),
  };
  console.log(
    `${label}: pgbench ${round(pgbench, 0)} tps, flowform over HTTP ${round(tps, 0)} commands/s, ratio ${round(m.ratio)}, p50 ${round(m.p50)} ms, p99 ${round(m.p99)} ms, server CPU ${round(m.cpuMsPerCommand, 3)} ms/command${load.errors ? `, ${load.errors} errors` : ''}`,
  );
  if (load.errors) throw new Error(`${label}: ${load.errors} requests failed`);
  return m;
}

async function profileRun(
  auditKey: string,
  logDir: string,
  clients: LoadClient[],
  seconds: number,
  processes: number,
) {
  const dir = mkdtempSync(join(tmpdir(), 'flowform-prof-'));
  const servers = await startServers(processes, auditKey, logDir, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const urls = servers.map((s) => s.url);
  await runLoad(urls, clients, 2 * processes);
  const cpuOf = () => servers.reduce((sum, s) => sum + s.cpuMs(), 0);
  const cpu0 = cpuOf();
  const load = await runLoad(urls, clients, seconds);
  const cpu = cpuOf() - cpu0;
  await Promise.all(servers.map((s) => s.stop()));
  console.log(
    `profiled c=${clients.length}, ${processes} process(es): ${round(load.commands / load.seconds, 0)} commands/s, server CPU ${round(cpu / load.commands, 3)} ms/command`,
  );
  // the main thread's profile of each process (the largest file of its pid)
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const pids = [...new Set(files.map((f) => f.split('.')[2]))];
  for (const pid of pids) {
    const file = files
      .filter((f) => f.split('.')[2] === pid)
      .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0]!;
    console.log(`${join(dir, file)}\n${summarizeProfile(join(dir, file), 40)}`);
  }
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const given = args.find((a) => a.startsWith('--seconds='));
  const seconds = given ? Number(given.slice(10)) : quick ? 3 : 8;
  const repetitions = quick ? 1 : 2;
  const auditKey = randomBytes(32).toString('hex');
  const logDir = mkdtempSync(join(tmpdir(), 'flowform-bench-http-'));
  console.log(`server logs in ${logDir}`);
  await preparePgbench(PGBENCH_DB);
  await prepareHttpDatabase(auditKey, logDir);
  try {
    const one = await startServers(1, auditKey, logDir);
    const clients = await prepareClients(one[0]!.url, 16);
    if (args.includes('--profile')) {
      await one[0]!.stop();
      await profileRun(auditKey, logDir, clients, seconds, args.includes('--processes=2') ? 2 : 1);
      return;
    }
    await runLoad([one[0]!.url], clients, 2); // warm-up: JIT, caches, prepared statements
    const runs: Record<string, Measured[]> = { c4_p1: [], c16_p1: [], c16_p2: [] };
    for (let r = 0; r < repetitions; r++) {
      runs.c4_p1!.push(await measure(`c=4 1 process run ${r + 1}`, one, clients.slice(0, 4), seconds));
      runs.c16_p1!.push(await measure(`c=16 1 process run ${r + 1}`, one, clients, seconds));
    }
    await Promise.all(one.map((s) => s.stop()));
    const two = await startServers(2, auditKey, logDir);
    // Each process gets half the warm-up's requests: warm twice as long, as one process was.
    await runLoad(
      two.map((s) => s.url),
      clients,
      4,
    );
    for (let r = 0; r < repetitions; r++)
      runs.c16_p2!.push(await measure(`c=16 2 processes run ${r + 1}`, two, clients, seconds));
    await Promise.all(two.map((s) => s.stop()));
    const med = (key: string, pick: (m: Measured) => number) => median(runs[key]!.map(pick));
    console.log(
      JSON.stringify({
        bench: 'http',
        ratio_c4_p1: round(med('c4_p1', (m) => m.ratio)),
        ratio_c16_p1: round(med('c16_p1', (m) => m.ratio)),
        ratio_c16_p2: round(med('c16_p2', (m) => m.ratio)),
        tps_c16_p1: round(
          med('c16_p1', (m) => m.tps),
          0,
        ),
        pgbench_tps_c16: round(
          med('c16_p1', (m) => m.pgbench),
          0,
        ),
        p99_ms_c4: round(med('c4_p1', (m) => m.p99)),
        p99_ms_c16: round(med('c16_p1', (m) => m.p99)),
        p99_ms_c16_p2: round(med('c16_p2', (m) => m.p99)),
        server_cpu_ms_per_command: round(
          med('c16_p1', (m) => m.cpuMsPerCommand),
          3,
        ),
        server_cpu_ms_per_command_c4: round(
          med('c4_p1', (m) => m.cpuMsPerCommand),
          3,
        ),
        server_cpu_ms_per_command_p2: round(
          med('c16_p2', (m) => m.cpuMsPerCommand),
          3,
        ),
      }),
    );
  } finally {
    await dropBenchDatabase();
  }
}
