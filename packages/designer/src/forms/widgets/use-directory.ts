import type { DirectoryUnit, DirectoryUser } from '@flowform/api';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';

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

/** People matching `q` (and any of `roles`), searched as the user types; `null` without a directory. */
export function useUserSearch(q: string, roles: string[]): DirectoryUser[] | null | undefined {
  const [users, setUsers] = useState<DirectoryUser[] | null>();
  const roleKey = roles.join(',');
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .directoryUsers({ q: q.trim() || undefined, role: roleKey || undefined })
        .then((r) => live && setUsers(r ? r.items : null))
        .catch(() => live && setUsers(null));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, roleKey]);
  return users;
}
