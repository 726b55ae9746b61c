// A server process that freezes at one statement, for crash tests: it serves the API on the given
// PostgreSQL database (already migrated and seeded), prints `PORT <n>`, and prints `HOLD` when the
// first statement matching the pattern arrives — which then never returns, until the test kills it.
// argv: <databaseUrl> <pattern> <idempotencyLeaseSeconds>

import { openDatabase } from '@flowform/runtime';
import { serve } from '@hono/node-server';
import { createApp } from '../app';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import { holdAt } from './held-database';

const [url, pattern, lease] = process.argv.slice(2);
const open = await openDatabase({ url: url! }, serverMigrations);
const config = testConfig({ database: { url: url! } });
config.housekeeping = { ...config.housekeeping, idempotencyLeaseSeconds: Number(lease) };
const db = holdAt(open.db, new RegExp(pattern!, 'i'), () => process.stdout.write('HOLD\n'));
const { ctx } = await composeServer(config, createLogger('silent'), { database: { ...open, db } });
const server = serve({ fetch: createApp(ctx).fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  process.stdout.write(`PORT ${info.port}\n`),
);
process.on('SIGTERM', () => server.close());
