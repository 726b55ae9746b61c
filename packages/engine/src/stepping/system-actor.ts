import type { Actor } from './commands';
import type { AuditEntry } from './effects';

/** The name timers, the outbox and child completions act under when no person does. */
export const SYSTEM_USERNAME = 'system';

/** The actor of timers, the outbox and child completions: the one definition of "the system". */
export const SYSTEM_ACTOR: Actor = Object.freeze({ username: SYSTEM_USERNAME, system: true });

/**
 * Whether an audit entry was written by the system rather than a person. A child case started on
 * its parent's behalf acts under the initiator's name with `system: true`, so the flag decides; the
 * name alone marks entries written before the flag existed.
 */
export function isSystemEntry(entry: Pick<AuditEntry, 'actor' | 'detail'>): boolean {
  return entry.detail?.system === true || entry.actor === SYSTEM_USERNAME;
}
