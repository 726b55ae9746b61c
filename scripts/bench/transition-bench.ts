// Throughput of the real complete-task path (runtime.execute, no HTTP) against pgbench run just
// before it at the same concurrency, so the shared machine's swings cancel out. Prints figures,
// then one JSON line. `--quick` runs one short repetition; `--clients=1,4` only those concurrencies;
// `--profile` profiles one client in-process.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditKey, CaseRuntime, type OpenDatabase, openDatabase, replaceDirectory } from '@flowform/runtime';
import { sql } from 'kysely';
import {
  databaseUrl,
  median,
  percentile,
  preparePgbench,
  recreateDatabase,
  round,
  runPgbench,
  runPgbenchCounted,
} from './bench-support';
import { benchLoopBundle as bundle, benchLoopData as data } from './bench-loop-bundle';
import { summarizeProfile } from './profile-summary';
import { type WalUsage, walClient, walPosition, walUsage } from './wal-usage';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const seed = {
  users: [{ username: 'u1', displayName: text('用户') }],
  units: [{ id: 'd', kind: 'district' as const, name: text('区'), parent: null }],
  memberships: [{ username: 'u1', role: 'worker', unit: 'd' }],
  contracts: [],
};
/** As in production: every command MACs its case's audit chain head. */
const auditKey = AuditKey.generate();

/**
 * A published process and a warmed-up, analysed database: a server that has been running has
 * planner statistics (autovacuum, or PGlite's maintenance timer), while statements first prepared
 * against empty tables would keep plans made for empty tables until the next ANALYZE.
 */
async function setup(open: OpenDatabase): Promise<CaseRuntime> {
  const runtime = new CaseRuntime({ db: open.db, auditKey });
  await replaceDirectory(open.db, seed);
  await runtime.definitions.publish(bundle, 'bench');
  await drive(runtime, 4, 2);
  await sql`analyze`.execute(open.db);
  return runtime;
}

/**
 * Like pgbench, which vacuums its tables before every run, and like autovacuum on a server that
 * has it (this machine's PostgreSQL runs with autovacuum off): each measured run starts from
 * vacuumed, analysed tables rather than from the previous run's dead row versions.
 */
async function vacuum(open: OpenDatabase): Promise<void> {
  await sql`vacuum analyze`.execute(open.db);
}

/**
 * Each client drives its own case (no contention), completing its task in a loop. The runtime
 * wrote each case last, so commands take the case from its snapshot cache (one statement each).
 */
async function drive(
  runtime: CaseRuntime,
  clients: number,
  seconds: number,
): Promise<{ tps: number; latencies: number[]; commands: number; cpuUs: number }> {
  const cases = await Promise.all(
    Array.from({ length: clients }, () =>
      runtime.start({ definitionKey: 'bench-loop', data: {}, actor: { username: 'u1' } }),
    ),
  );
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  let count = 0;
  await Promise.all(
    cases.map(async (c) => {
      let taskId = c.tasks[0]!;
      while (performance.now() < end) {
        const t0 = performance.now();
        const out = await runtime.execute(
          c.instanceId,
          { type: 'complete', taskId, outcome: 'save', data: data(count) },
          { username: 'u1' },
        );
        latencies.push(performance.now() - t0);
        taskId = out.tasks[0]!;
        count += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    tps: count / seconds,
    latencies,
    commands: count,
    cpuUs: (cpu.user + cpu.system) / Math.max(1, count),
  };
}

/** One client for `seconds` under the V8 profiler (in this process), then where the CPU went. */
async function profileLoneCommand(open: OpenDatabase, runtime: CaseRuntime, seconds: number): Promise<void> {
  await vacuum(open);
  await drive(runtime, 1, 2);
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const { tps, cpuUs } = await drive(runtime, 1, seconds);
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const file = join(mkdtempSync(join(tmpdir(), 'flowform-prof-')), 'transition-c1.cpuprofile');
  writeFileSync(file, JSON.stringify(profile));
  console.log(`profiled c=1: ${round(tps, 0)} commands/s, Node CPU ${round(cpuUs, 0)} µs/command\n${file}`);
  console.log(summarizeProfile(file, 40));
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const seconds = quick ? 3 : 10;
  const repetitions = quick ? 1 : 3;
  // `--clients=1,4`: only these concurrencies, without the uncached and PGlite runs (for A/B runs).
  const only = args
    .find((a) => a.startsWith('--clients='))
    ?.slice(10)
    .split(',')
    .map(Number);
  await preparePgbench('flowform_bench_pgbench');
  await recreateDatabase('flowform_bench_runtime');
  // The pool size a server gets by default (10).
  const open = await openDatabase({ url: databaseUrl('flowform_bench_runtime') });
  const runtime = await setup(open);
  if (args.includes('--profile')) {
    await profileLoneCommand(open, runtime, seconds);
    await open.close();
    return;
  }
  const result: Record<string, number | string> = { bench: 'transition' };
  const walRuntime = await walClient(databaseUrl('flowform_bench_runtime'));
  const walPgbench = await walClient(databaseUrl('flowform_bench_pgbench'));
  const walPerCommand: number[] = [];
  const walPerTx: number[] = [];
  const cpuPerCommand: number[] = [];
  let lastWal: WalUsage | undefined;
  let lastCommands = 1;
  for (const clients of only ?? [1, 4, 16]) {
    const ratios: number[] = [];
    const p99s: number[] = [];
    const tpss: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      const pgStart = await walPosition(walPgbench);
      const { tps: base, transactions } = runPgbenchCounted('flowform_bench_pgbench', clients, seconds);
      const pgEnd = await walPosition(walPgbench);
      await vacuum(open);
      const start = await walPosition(walRuntime);
      const { tps, latencies, commands, cpuUs } = await drive(runtime, clients, seconds);
      const end = await walPosition(walRuntime);
      ratios.push(tps / base);
      p99s.push(percentile(latencies, 99));
      tpss.push(tps);
      let wal = '';
      if (clients === 1) {
        lastWal = await walUsage(walRuntime, start, end);
        lastCommands = commands;
        const pgWal = await walUsage(walPgbench, pgStart, pgEnd);
        walPerCommand.push(lastWal.total / commands);
        walPerTx.push(pgWal.total / transactions);
        cpuPerCommand.push(cpuUs);
        wal = `, WAL ${round(lastWal.total / commands, 0)} B/command of which full pages ${round(lastWal.fullPages / commands, 0)} (pgbench ${round(pgWal.total / transactions, 0)} B/tx, full pages ${round(pgWal.fullPages / transactions, 0)}), Node CPU ${round(cpuUs, 0)} µs/command`;
      }
      console.log(
        `c=${clients} run ${r + 1}: pgbench ${round(base, 0)} tps, flowform ${round(tps, 0)} tps, ratio ${round(tps / base)}, p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms${wal}`,
      );
    }
    result[`ratio_c${clients}`] = round(median(ratios));
    result[`tps_c${clients}`] = round(median(tpss), 0);
    result[`p99_ms_c${clients}`] = round(median(p99s));
  }
  result.wal_bytes_per_command_c1 = round(median(walPerCommand), 0);
  result.pgbench_wal_bytes_per_tx_c1 = round(median(walPerTx), 0);
  result.node_cpu_us_per_command_c1 = round(median(cpuPerCommand), 0);
  if (lastWal)
    console.log(
      `WAL per command at c=1 by relation: ${lastWal.byRelation.map((r) => `${r.relation} ${round(r.bytes / lastCommands, 0)}`).join(', ')}`,
    );
  await walRuntime.end();
  await walPgbench.end();
  if (only) {
    await open.close();
    console.log(JSON.stringify(result));
    return;
  }
  // The same at 1 client with the snapshot cache off: every command reads its case first, as when
  // another server process wrote it last.
  const uncached = new CaseRuntime({ db: open.db, snapshotCache: 0, auditKey });
  const uncachedRatios: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const base = runPgbench('flowform_bench_pgbench', 1, seconds);
    await vacuum(open);
    const { tps, latencies } = await drive(uncached, 1, seconds);
    uncachedRatios.push(tps / base);
    console.log(
      `c=1 uncached run ${r + 1}: pgbench ${round(base, 0)} tps, flowform ${round(tps, 0)} tps, ratio ${round(tps / base)}, p50 ${round(percentile(latencies, 50))} ms, p99 ${round(percentile(latencies, 99))} ms`,
    );
  }
  result.ratio_c1_uncached = round(median(uncachedRatios));
  await open.close();
  const lite = await openDatabase({ memory: true });
  const liteRuntime = await setup(lite);
  const liteRatios: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const base = runPgbench('flowform_bench_pgbench', 1, seconds);
    await vacuum(lite);
    const { tps } = await drive(liteRuntime, 1, seconds);
    liteRatios.push(tps / base);
    console.log(
      `pglite c=1 run ${r + 1}: pgbench ${round(base, 0)} tps, flowform on PGlite ${round(tps, 0)} tps, ratio ${round(tps / base)}`,
    );
  }
  await lite.close();
  result.pglite_ratio_c1 = round(median(liteRatios));
  console.log(JSON.stringify(result));
}
