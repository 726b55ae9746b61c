import { AuditKeyMissingError } from '../config/audit-key-source';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { demoAdminPasswordWorks } from '../seed/first-admin';
import { type RunningServer, startServer } from '../server';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const HELP = `Usage: flowform start [--port n] [--host h] [--demo] [--request-log]

Migrates the database and serves the API (and the web app's build from packages/designer/dist when
present). On an empty database it creates one administrator, 'admin', with a one-time password
printed once (it must be changed at first sign-in) and nothing else; with --demo it seeds the demo
organisation and publishes the shipped processes instead (every password '${DEMO_PASSWORD}': never for real
data). Stops gracefully on SIGTERM or SIGINT.
  --port n       port to listen on (default: PORT, else 3000)
  --host h       address to listen on (default: HOST, else the config file's host, else 127.0.0.1:
                 this machine only; 0.0.0.0 for every interface, e.g. behind a reverse proxy)
  --demo         demo mode: seed the demo on an empty database; the login page lists the demo
                 accounts (also FLOWFORM_DEMO=1)
  --request-log  one JSON log line per request (also FLOWFORM_REQUEST_LOG=1); without it only
                 server errors and sign-ins are logged, so the URL and accounts stay readable
Environment:
  DATABASE_URL          PostgreSQL URL; without it, embedded PGlite in ./data (FLOWFORM_DATA_DIR)
  PORT, HOST            where to listen (default 127.0.0.1:3000)
  FLOWFORM_TRUST_PROXY  number of reverse proxies whose X-Forwarded-For/-Proto are believed
                        (default 0; also the config file's trustProxy)
  FLOWFORM_CONFIG       JSON config file (default ./flowform.config.json): host, trustProxy,
                        webhooks, allowedOrigins, uploadLimitBytes, uploadTypes, publicUrl
  FLOWFORM_PUBLIC_URL   base URL used in links sent to chat robots
  FLOWFORM_AUDIT_KEY    the audit key (hex or base64, e.g. \`openssl rand -hex 32\`), never stored in the
                        database; or FLOWFORM_AUDIT_KEY_FILE, a file holding it. Required on PostgreSQL;
                        on PGlite generated on first start into ./data.audit-key (beside ./data)
  FLOWFORM_AUDIT_KEY_PREVIOUS  earlier audit keys (comma-separated) still trusted after a rotation`;

/** `flowform start` */
export async function startCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help', 'demo', 'request-log'], string: ['port', 'host'] });
  if (flags.help) {
    io.out(HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, '', HELP].join('\n'));
    return 2;
  }
  const env = {
    ...process.env,
    ...(flags.strings.port ? { PORT: flags.strings.port } : {}),
    ...(flags.strings.host ? { HOST: flags.strings.host } : {}),
  };
  const config = {
    ...loadConfig(env),
    ...(flags.demo ? { demo: true } : {}),
    ...(flags['request-log'] ? { requestLog: true } : {}),
  };
  let running: Awaited<ReturnType<typeof startServer>>;
  try {
    running = await startServer(config, createLogger(), {
      firstRun: config.demo ? 'demo' : 'admin',
      demoCases: config.demo,
    });
  } catch (error) {
    if (!(error instanceof AuditKeyMissingError)) throw error;
    io.err(`flowform start: ${error.message}`);
    return 1;
  }
  io.out(startBanner(running, config.demo));
  if (!config.demo && (await demoAdminPasswordWorks(running.ctx)))
    io.err(
      [
        '!!  WARNING: this database holds the demo organisation: admin signs in with the published',
        `!!  password '${DEMO_PASSWORD}'. Start on an empty database for real use, or change it now.`,
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

/** What `flowform start` prints once listening: what the first run did, the URL, and in demo mode the accounts, last. */
export function startBanner(running: Pick<RunningServer, 'url' | 'seeded'>, demo: boolean): string {
  const lines: string[] = [''];
  const seeded = running.seeded;
  if (seeded?.kind === 'demo') {
    lines.push(`Seeded the demo: ${seeded.published.length} process(es) published`);
    if (seeded.skipped.length > 0) lines.push(`Skipped (lint errors): ${seeded.skipped.join(', ')}`);
    lines.push(`Started ${seeded.cases.started.length} demo case(s) in progress`);
    for (const skipped of seeded.cases.skipped) lines.push(`  demo case skipped: ${skipped}`);
  }
  if (seeded?.kind === 'admin')
    lines.push(
      'First run: no process is published yet (the shipped ones name the demo organisation);',
      "load your organisation, then publish from the designer or with 'flowform import'.",
      '',
      'An administrator account was created. Its one-time password is shown only now;',
      'it must be changed at the first sign-in:',
      '',
      `  username: ${seeded.admin.username}`,
      `  password: ${seeded.admin.oneTimePassword}`,
      '',
      "Lost it? 'flowform admin reset-password --username admin' prints a new one.",
    );
  lines.push('', `Flowform is running at ${running.url}   (API docs: ${running.url}/docs)`);
  if (demo) {
    const bar = '!'.repeat(78);
    lines.push(
      '',
      bar,
      '!!  DEMO MODE: a demo organisation whose accounts all share a published password.',
      '!!  Never put real data here. For production, start without --demo on an empty database.',
      bar,
      '',
      `Demo accounts (password: ${DEMO_PASSWORD}; listed on the login page):`,
      ...DEMO_ACCOUNTS.map(({ username, what }) => `  ${username.padEnd(9)} ${what}`),
    );
  }
  lines.push('');
  return lines.join('\n');
}
