import type { LocalizedText } from '@flowform/engine/browser';
import { useEffect, useState } from 'react';
import { api } from '../../api/endpoints';

const known = new Map<string, LocalizedText>();
const pending = new Map<string, Promise<void>>();

/** Display names of processes by key, fetched once per key and shared across screens. */
export function useProcessNames(keys: string[]): Map<string, LocalizedText> {
  const [, setVersion] = useState(0);
  const wanted = [...new Set(keys)]
    .filter((k) => !known.has(k))
    .sort()
    .join(',');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    const jobs = wanted.split(',').map((key) => {
      let job = pending.get(key);
      if (!job) {
        job = api
          .latestDefinition(key)
          .then((d) => void known.set(key, d.definition.name))
          .catch(() => void known.set(key, { 'zh-CN': key, en: key }));
        pending.set(key, job);
      }
      return job;
    });
    void Promise.all(jobs).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [wanted]);
  return known;
}

/** Seeds names the caller already has (the startable list). */
export function rememberProcessName(key: string, name: LocalizedText): void {
  known.set(key, name);
}
