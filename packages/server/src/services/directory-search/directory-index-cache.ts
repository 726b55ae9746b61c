/**
 * The pickers' index of the current directory, rebuilt when the directory's version moves (any
 * change bumps it, in any process): one small read per search, the index otherwise in memory.
 */
import type { ServerContext } from '../../server-context';
import { buildDirectoryIndex, type DirectoryIndex } from './directory-index';

const cache = new WeakMap<ServerContext, { version: string; index: Promise<DirectoryIndex> }>();

/** The index of the directory as it is now. */
export async function currentDirectoryIndex(ctx: ServerContext): Promise<DirectoryIndex> {
  const { version } = await ctx.db
    .selectFrom('directory_meta')
    .select((eb) => eb.cast<string>('version', 'text').as('version'))
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const hit = cache.get(ctx);
  if (hit?.version === version) return hit.index;
  const index = ctx.runtime.directoryAt(version).then((d) => buildDirectoryIndex(d.toSeed()));
  cache.set(ctx, { version, index });
  index.catch(() => cache.delete(ctx));
  return index;
}
