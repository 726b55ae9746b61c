// Memory and start-up of one real server process (`flowform start` on PostgreSQL): time to the
// first 200 from `/readyz` on a first run (empty database, `--demo` as `npm start` does) and on a
// restart (with the web app's build when packages/designer/dist exists); resident memory idle,
// sampled every 250 ms during a 16-client HTTP load, and after it. Prints figures, then one JSON
// line. `--seconds=N` (default 120; `--quick` 20) bounds the load: on a shared 2-core machine
// 100,000 commands take longer than a run should, so the count reached is printed.
import { existsSync, mkdtempSync } from 'node:fs';
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
    const [server] = await startServers(1, auditKey, logDir);
    console.log(
      `ready: first run (empty database, demo seed) ${round(firstRunReadyMs, 0)} ms, restart ${round(server!.readyMs, 0)} ms`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    const idle = server!.rssMb();
    const clients = await prepareClients(server!.url, 16);
    const samples: number[] = [];
    const load = await runLoad([server!.url], clients, seconds, () => samples.push(server!.rssMb()));
    await new Promise((r) => setTimeout(r, 2000));
    const after = server!.rssMb();
    await server!.stop();
    const quarter = Math.max(1, Math.floor(samples.length / 4));
    const firstQuarter = median(samples.slice(0, quarter));
    const lastQuarter = median(samples.slice(-quarter));
    const max = Math.max(...samples);
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
        commands: load.commands,
        load_seconds: round(load.seconds, 0),
      }),
    );
  } finally {
    await dropBenchDatabase();
  }
}
