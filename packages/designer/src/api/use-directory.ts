import type { DirectoryUnit, DirectoryUser } from '@flowform/api';
import { useEffect, useState } from 'react';
import { api } from './endpoints';

const unitCache = new Map<string, Promise<DirectoryUnit[] | undefined>>();

/**
 * Units of the given kinds from the directory; `undefined` while loading, `null` when the server
 * has no directory endpoint (the widget then falls back to typing an id).
 */
export function useUnits(kinds: string[]): DirectoryUnit[] | null | undefined {
  const key = kinds.join(',');
  const [units, setUnits] = useState<DirectoryUnit[] | null>();
  useEffect(() => {
    let job = unitCache.get(key);
    if (!job) {
      job = api
        .directoryUnits({ kind: key || undefined })
        .then((r) => r?.items)
        .catch(() => undefined);
      unitCache.set(key, job);
    }
    let live = true;
    void job.then((items) => live && setUnits(items ?? null));
    return () => {
      live = false;
    };
  }, [key]);
  return units;
}

/**
 * Results of a search as the user types, 200 ms after the last keystroke: `undefined` until the
 * answer for exactly this query arrives (never the previous query's), `null` without a directory.
 */
function useDebouncedSearch<T>(
  key: string,
  run: () => Promise<{ items: T[] } | undefined>,
): T[] | null | undefined {
  const [answer, setAnswer] = useState<{ key: string; items: T[] | null }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for everything `run` sends
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      run()
        .then((r) => live && setAnswer({ key, items: r ? r.items : null }))
        .catch(() => live && setAnswer({ key, items: null }));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (answer?.items === null) return null;
  return answer?.key === key ? answer.items : undefined;
}

/** People matching `q` (and any of `roles`), searched as the user types; `null` without a directory. */
export function useUserSearch(q: string, roles: string[]): DirectoryUser[] | null | undefined {
  const query = { q: q.trim() || undefined, role: roles.join(',') || undefined };
  return useDebouncedSearch(JSON.stringify(query), () => api.directoryUsers(query));
}

/** Units matching `q` (name, pinyin or id) of any of `kinds`, searched as the user types. */
export function useUnitSearch(q: string, kinds: string[]): DirectoryUnit[] | null | undefined {
  const query = { q: q.trim() || undefined, kind: kinds.join(',') || undefined };
  return useDebouncedSearch(JSON.stringify(query), () =>
    api.directoryUnits(query).then((r) => r && { items: r.items.slice(0, 20) }),
  );
}
