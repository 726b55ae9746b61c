import { AuditKeyMissingError } from '../config/audit-key-source';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { startServer } from '../server';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform start [--port n] [--demo]

Migrates the database, seeds the demo on an empty one, and serves the API (and the web app's build
from packages/designer/dist when present). Stops gracefully on SIGTERM or SIGINT.
  --port n       port to listen on (default: PORT, else 3000)
  --demo         demo mode: the login page lists the demo accounts (also FLOWFORM_DEMO=1)
Environment:
  DATABASE_URL          PostgreSQL URL; without it, embedded PGlite in ./data (FLOWFORM_DATA_DIR)
  PORT, HOST            where to listen (default 3000 on all interfaces)
  FLOWFORM_CONFIG       JSON config file (default ./flowform.config.json): webhooks, allowedOrigins,
                        uploadLimitBytes, uploadTypes, publicUrl
  FLOWFORM_PUBLIC_URL   base URL used in links sent to chat robots
  FLOWFORM_AUDIT_KEY    the audit key (hex or base64, e.g. \`openssl rand -hex 32\`), never stored in the
                        database; or FLOWFORM_AUDIT_KEY_FILE, a file holding it. Required on PostgreSQL;
                        on PGlite generated on first start into ./data.audit-key (beside ./data)
  FLOWFORM_AUDIT_KEY_PREVIOUS  earlier audit keys (comma-separated) still trusted after a rotation`;

/** `flowform start` */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help', 'demo'], string: ['port'] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, '', HELP].join('\n'));
    return 2;
  }
  const env = flags.strings.port ? { ...process.env, PORT: flags.strings.port } : process.env;
  const config = { ...loadConfig(env), ...(flags.demo ? { demo: true } : {}) };
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, createLogger(), { seedIfEmpty: true });
  } catch (error) {
    if (!(error instanceof AuditKeyMissingError)) throw error;
    io.err(`flowform start: ${error.message}`);
    return 1;
  }
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
      `Demo accounts (password: ${DEMO_PASSWORD}${config.demo ? '; listed on the login page' : ''}):`,
      ...DEMO_ACCOUNTS.map(({ username, what }) => `  ${username.padEnd(9)} ${what}`),
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
