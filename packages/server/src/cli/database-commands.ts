import { InMemoryDirectory } from '@flowform/engine';
import { openDatabase } from '@flowform/runtime';
import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import { demoDirectory, isEmpty, seedDemo } from '../seed/demo-seed';
import type { CliIo } from './cli-io';
import { parseFlags } from './parse-flags';

const MIGRATE_HELP = `Usage: flowform migrate

Brings the database (DATABASE_URL, else PGlite in ./data) up to the latest schema: the engine's
tables and the server's. Safe to run again; applies only what is missing.`;

const SEED_HELP = `Usage: flowform seed --demo [--force]

Loads the demo organisation (every account's password: flowform) and publishes every process in
workflows/ with its forms. Refuses a database that already has users unless --force (which
replaces the directory; cases and published versions stay).`;

/** `flowform migrate` */
export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help'], string: [] });
  if (flags.help) {
    io.out(MIGRATE_HELP);
    return 0;
  }
  if (flags.errors.length > 0 || flags.positional.length > 0) {
    io.err([...flags.errors, '', MIGRATE_HELP].join('\n'));
    return 2;
  }
  const database = await openDatabase(loadConfig().database, serverMigrations);
  await database.close();
  io.out(`Database is up to date (${database.kind})`);
  return 0;
}

/** `flowform seed --demo` */
export async function seedCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args, { boolean: ['help', 'demo', 'force'], string: [] });
  if (flags.help) {
    io.out(SEED_HELP);
    return 0;
  }
  if (flags.errors.length > 0 || !flags.demo || flags.positional.length > 0) {
    io.err([...flags.errors, 'flowform seed: only --demo is available', '', SEED_HELP].join('\n'));
    return 2;
  }
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  try {
    if (!(await isEmpty(ctx.db)) && !flags.force) {
      io.err('flowform seed: the database already has users; add --force to replace the directory');
      return 1;
    }
    const result = await seedDemo(ctx);
    io.out(
      `Seeded ${new InMemoryDirectory(demoDirectory()).toSeed().users.length} users; published ${result.published.join(', ') || 'nothing'}`,
    );
    if (result.skipped.length > 0) io.out(`Skipped (lint errors): ${result.skipped.join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}
