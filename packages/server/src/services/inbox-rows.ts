import type { InboxItem, TaskOrigin } from '@flowform/api';
import { type Directory, type LocalizedText, seesTaskSubject } from '@flowform/engine';
import type { ViewedCase } from '../notifications/case-readers';
import type { InboxItem as InboxRow, InboxOrigin } from '@flowform/runtime';
import type { ServerContext } from '../server-context';
import { currentDirectoryIndex } from './directory-search/directory-index-cache';

const MAX_NAMED = 50;

/** A person as rows name them: the directory's display name, or the username when unknown. */
export function personRef(directory: Directory, username: string): { username: string; name: LocalizedText } {
  return { username, name: directory.user(username)?.displayName ?? { 'zh-CN': username, en: username } };
}

/** A task's origin with the sender named. */
export function originRef(directory: Directory, origin: InboxOrigin | null | undefined): TaskOrigin | null {
  if (!origin) return null;
  return {
    kind: origin.kind as TaskOrigin['kind'],
    by: personRef(directory, origin.by),
    at: new Date(origin.at).toISOString(),
    ...(origin.reason ? { reason: origin.reason } : {}),
  };
}

/**
 * An inbox row as the API gives it: initiator, unit and sender named from the directory; the
 * task's subject only when the viewer's view of the case shows the fields it comes from.
 */
export function inboxItem(directory: Directory, row: InboxRow, seen: ViewedCase): InboxItem {
  const { initiator, caseUnit, origin, subject, ...rest } = row;
  const unit = caseUnit ? directory.unit(caseUnit) : undefined;
  const shown = subject && row.stateId && seesTaskSubject(seen.compiled, seen.view, row.stateId);
  return {
    ...rest,
    initiator: initiator ? personRef(directory, initiator) : null,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    origin: originRef(directory, origin),
    subject: shown ? subject : null,
  };
}

/** People whose display name (either language) or username contains the search text. */
export async function peopleNamed(ctx: ServerContext, q: string | undefined): Promise<string[]> {
  const text = q?.trim().toLowerCase();
  if (!text) return [];
  const index = await currentDirectoryIndex(ctx);
  const found: string[] = [];
  for (const u of index.users) {
    const names = [u.username, u.displayName['zh-CN'], u.displayName.en].map((n) => n.toLowerCase());
    if (names.some((n) => n.includes(text))) found.push(u.username);
    if (found.length >= MAX_NAMED) break;
  }
  return found;
}
