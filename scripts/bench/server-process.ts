// A real `flowform start` child process for the HTTP and memory benchmarks: started on a port of
// its own, ready when `/readyz` answers 200; its CPU time and resident memory read from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'packages/server/bin/flowform.js');
/** Kernel clock ticks per second (USER_HZ), 100 on Linux. */
const TICKS = 100;

/** A started server process. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 from `/readyz`. */
  readyMs: number;
  /** User + system CPU time the process has used so far, in ms. */
  cpuMs(): number;
  /** Resident set size now, in MB. */
  rssMb(): number;
  /** SIGTERM (a graceful drain, which also writes a `--cpu-prof` profile), then waits for exit. */
  stop(): Promise<void>;
}

/** Options of one server process. */
export interface ServerOptions {
  databaseUrl: string;
  auditKey: string;
  port: number;
  /** `--demo`: seed the demo organisation on an empty database (the first run of `npm start`). */
  demo?: boolean;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Where the process's stdout/stderr go (its JSON log lines). */
  logFile: string;
  cwd?: string;
}

/** Spawns `flowform start` and waits until it is ready (at most `timeoutMs`). */
export async function startServerProcess(
  options: ServerOptions,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      CLI,
      'start',
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      ...(options.demo ? ['--demo'] : []),
    ],
    {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, DATABASE_URL: options.databaseUrl, FLOWFORM_AUDIT_KEY: options.auditKey },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  await waitReady(child, url, started + timeoutMs, options.logFile);
  const readyMs = performance.now() - started;
  const pid = child.pid!;
  return {
    url,
    pid,
    readyMs,
    cpuMs: () => processCpuMs(pid),
    rssMb: () => processRssMb(pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitReady(child: ChildProcess, url: string, deadline: number, logFile: string): Promise<void> {
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}); see ${logFile}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill('SIGTERM');
  throw new Error(`server not ready in time; see ${logFile}`);
}

function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

function processRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}
