import type { LocalizedText } from '@flowform/engine/browser';
import { useEffect, useState } from 'react';
import { api } from './endpoints';

const names = new Map<string, LocalizedText | null>();
const pending = new Map<string, Promise<void>>();

function lookup(username: string): Promise<void> {
  let job = pending.get(username);
  if (!job) {
    job = api
      .directoryUsers({ q: username })
      .then(
        (r) => void names.set(username, r?.items.find((u) => u.username === username)?.displayName ?? null),
      )
      .catch(() => void names.set(username, null));
    pending.set(username, job);
  }
  return job;
}

/**
 * Display names of people by username, looked up once each in the directory and shared by every
 * screen; a name not (yet) known reads as the username.
 */
export function usePeople(
  usernames: (string | null | undefined)[],
): (username: string, locale: 'zh-CN' | 'en') => string {
  const [, setVersion] = useState(0);
  const wanted = [...new Set(usernames.filter((u): u is string => !!u && !u.startsWith('system')))]
    .filter((u) => !names.has(u))
    .sort()
    .join(',');
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    void Promise.all(wanted.split(',').map(lookup)).then(() => live && setVersion((v) => v + 1));
    return () => {
      live = false;
    };
  }, [wanted]);
  return (username, locale) => {
    const name = names.get(username);
    if (!name) return username;
    const text = locale === 'en' ? name.en : name['zh-CN'];
    if (!text || text === username) return username;
    return locale === 'en' ? `${text} (${username})` : `${text}（${username}）`;
  };
}
