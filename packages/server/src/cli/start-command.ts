import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { startServer } from '../server';
import type { CliIo } from './main';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform start [--port n]

Migrates the database, seeds the demo on an empty one, and serves the API (and the web app's build
from packages/designer/dist when present). Stops gracefully on SIGTERM or SIGINT.
  --port n       port to listen on (default: PORT, else 3000)
Environment:
  DATABASE_URL          PostgreSQL URL; without it, embedded PGlite in ./data (FLOWFORM_DATA_DIR)
  PORT, HOST            where to listen (default 3000 on all interfaces)
  FLOWFORM_CONFIG       JSON config file (default ./flowform.config.json): webhooks, allowedOrigins,
                        uploadLimitBytes, uploadTypes, publicUrl
  FLOWFORM_PUBLIC_URL   base URL used in links sent to chat robots`;

const DEMO_ACCOUNTS: [string, string][] = [
  ['admin', '系统管理员 administrator'],
  ['leader1', '区领导 district leader (contracts branch 1)'],
  ['sec1', '第一党支部书记 branch secretary'],
  ['com1a', '支部委员 branch committee member'],
  ['head103', '站长 station head, contracts assistance patch 2'],
  ['biz1', '经营组 business group'],
  ['insp1', '纪律督查 discipline inspector'],
  ['w001', '职工 worker'],
];

/** `flowform start` */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: ['port'] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, '', HELP].join('\n'));
    return 2;
  }
  const env = flags.strings.port ? { ...process.env, PORT: flags.strings.port } : process.env;
  const config = loadConfig(env);
  const running = await startServer(config, createLogger(), { seedIfEmpty: true });
  if (running.seeded) {
    io.out(`Seeded the demo: ${running.seeded.published.length} process(es) published`);
    if (running.seeded.skipped.length > 0)
      io.out(`Skipped (lint errors): ${running.seeded.skipped.join(', ')}`);
  }
  io.out(
    [
      '',
      `Flowform is running at ${running.url}   (API docs: ${running.url}/docs)`,
      '',
      `Demo accounts (password: ${DEMO_PASSWORD}):`,
      ...DEMO_ACCOUNTS.map(([user, what]) => `  ${user.padEnd(9)} ${what}`),
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      void running.close().then(resolve);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
  return 0;
}
