// Memory and start-up of one real server process (`flowform start` on PostgreSQL): time to the
// first 200 from `/readyz` on a first run (empty database, `--demo` as `npm start` does) and on a
// restart (with the web app's build when packages/designer/dist exists); resident memory idle,
// sampled every 250 ms during a 16-client HTTP load, and after it. Prints figures, then one JSON
// line. `--seconds=N` (default 120; `--quick` 20) bounds the load: on a shared 2-core machine
// 100,000 commands take longer than a run should, so the count reached is printed. The server runs
// with `--trace-gc`: the heap live after each full collection under the load is printed too.
// `--node-flags="--optimize-for-size"` gives the server process more V8 flags (a memory trade-off).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, round } from './bench-support';
import { dropBenchDatabase, prepareClients, prepareHttpDatabase, startServers } from './http-bench';
import { runLoad } from './http-load';

const WEB_APP = join(import.meta.dirname, '../../packages/designer/dist/index.html');

export async function run(args: string[]): Promise<void> {
  const given = args.find((a) => a.startsWith('--seconds='));
  const seconds = given ? Number(given.slice(10)) : args.includes('--quick') ? 20 : 120;
  const auditKey = randomBytes(32).toString('hex');
  const logDir = mkdtempSync(join(tmpdir(), 'flowform-bench-memory-'));
  const webApp = existsSync(WEB_APP);
  console.log(
    `server logs in ${logDir}; web app build ${webApp ? 'present' : 'ABSENT (run npm run build -w @flowform/designer)'}`,
  );
  const { firstRunReadyMs } = await prepareHttpDatabase(auditKey, logDir);
  try {
    // --trace-gc: the heap still live after each full collection (printed to the server's log).
    const flags =
      args
        .find((a) => a.startsWith('--node-flags='))
        ?.slice(13)
        .split(' ')
        .filter(Boolean) ?? [];
    const [server] = await startServers(1, auditKey, logDir, ['--trace-gc', ...flags]);
    const spawned = performance.now() - server!.readyMs;
    console.log(
      `ready: first run (empty database, demo seed) ${round(firstRunReadyMs, 0)} ms, restart ${round(server!.readyMs, 0)} ms`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const idle = server!.rssMb();
    const clients = await prepareClients(server!.url, 16);
    const samples: number[] = [];
    const loadFrom = performance.now() - spawned;
    const load = await runLoad([server!.url], clients, seconds, () => samples.push(server!.rssMb()));
    const loadTo = performance.now() - spawned;
    await new Promise((r) => setTimeout(r, 2000));
    const after = server!.rssMb();
    await server!.stop();
    const live = liveHeapAfterFullGcs(logDir, loadFrom, loadTo);
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const firstQuarter = median(samples.slice(0, quarter));
    const lastQuarter = median(samples.slice(-quarter));
    const max = Math.max(...samples);
    console.log(
      `V8 heap live after each full GC under the load: ${live.map((mb) => round(mb, 1)).join(', ')} MB`,
    );
    console.log(
      `RSS: idle ${round(idle, 1)} MB; under 16-client load max ${round(max, 1)} MB, median of first quarter ${round(firstQuarter, 1)} MB, of last quarter ${round(lastQuarter, 1)} MB; ${load.commands} commands in ${round(load.seconds, 0)} s (${round(load.commands / load.seconds, 0)}/s); 2 s after the load ${round(after, 1)} MB`,
    );
    console.log(
      JSON.stringify({
        bench: 'memory',
        ready_ms_first_run: round(firstRunReadyMs, 0),
        ready_ms_restart: round(server!.readyMs, 0),
        web_app_built: webApp,
        rss_mb_idle: round(idle, 1),
        rss_mb_load_max: round(max, 1),
        rss_mb_load_growth: round(lastQuarter - firstQuarter, 1),
        rss_mb_after: round(after, 1),
        heap_live_mb_first_gc: round(live[0] ?? Number.NaN, 1),
        heap_live_mb_last_gc: round(live.at(-1) ?? Number.NaN, 1),
        full_gcs: live.length,
        commands: load.commands,
        load_seconds: round(load.seconds, 0),
      }),
    );
  } finally {
    await dropBenchDatabase();
  }
}

/**
 * The heap size after each full collection (Mark-Compact) between `from` and `to` ms after the
 * process started, from `--trace-gc` lines in the server's log: what stays live, unlike RSS, which
 * also holds the garbage V8 lets accumulate between full collections.
 */
function liveHeapAfterFullGcs(logDir: string, from: number, to: number): number[] {
  const log = readdirSync(logDir).find((f) => f.startsWith('server-'));
  if (!log) return [];
  const live: number[] = [];
  const line = /\s(\d+) ms: Mark-Compact (?:\(reduce\) )?[\d.]+ \([\d.]+\) -> ([\d.]+) \(/;
  for (const text of readFileSync(join(logDir, log), 'utf8').split('\n')) {
    const m = line.exec(text);
    if (m && Number(m[1]) >= from && Number(m[1]) <= to) live.push(Number(m[2]));
  }
  return live;
}
