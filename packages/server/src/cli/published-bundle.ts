import type { DefinitionBundle } from '@flowform/engine';
import { composeServer } from '../compose-server';
import { loadConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import type { CliIo } from './cli-io';

/**
 * A published bundle from the configured database: `version`, else the latest. Undefined (after
 * saying why on stderr, as `command`) when there is no such definition or version.
 */
export async function publishedBundle(
  command: string,
  key: string,
  version: string | undefined,
  io: CliIo,
): Promise<DefinitionBundle | undefined> {
  const { ctx, database } = await composeServer(loadConfig(), createLogger('silent'));
  try {
    const wanted = version ? Number(version) : await ctx.runtime.definitions.latestVersion(key);
    if (!wanted || !Number.isInteger(wanted)) {
      io.err(`flowform ${command}: no published definition '${key}'`);
      return undefined;
    }
    const bundle = await ctx.runtime.definitions.get(key, wanted).catch(() => undefined);
    if (!bundle) io.err(`flowform ${command}: no version ${wanted} of '${key}'`);
    return bundle;
  } finally {
    await database.close();
  }
}
