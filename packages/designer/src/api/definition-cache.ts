import type { DefinitionVersion } from '@flowform/api';
import { api } from './endpoints';

const cache = new Map<string, Promise<DefinitionVersion>>();

/** A published version (immutable, so cached for the page's life); failures are not cached. */
export function definitionAt(key: string, version: number): Promise<DefinitionVersion> {
  const id = `${key}@${version}`;
  let found = cache.get(id);
  if (!found) {
    found = api.definitionVersion(key, version);
    found.catch(() => cache.delete(id));
    cache.set(id, found);
  }
  return found;
}
