import {
  type AuditKey,
  auditCheckpointTask,
  expiredIdempotencyKeys,
  type HousekeepingOptions,
  type HousekeepingTask,
} from '@flowform/runtime';
import { sql } from 'kysely';
import type { HousekeepingConfig } from '../config/server-config';

const hours = (n: number) => `${n} hours`;

/** Sessions that expired or were revoked more than `retentionHours` ago (sign-in history kept till then). */
function endedSessions(retentionHours: number): HousekeepingTask {
  return {
    name: 'sessions',
    async run(db, now) {
      const result = await sql`
        delete from server_sessions
        where expires_at < ${now} - ${hours(retentionHours)}::interval
           or revoked_at < ${now} - ${hours(retentionHours)}::interval`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/** Stored HTTP responses of Idempotency-Keys older than the retention, unless a request still holds one. */
function oldHttpKeys(retentionHours: number): HousekeepingTask {
  return {
    name: 'http-idempotency',
    async run(db, now) {
      const result = await sql`
        delete from server_idempotency
        where created_at < ${now} - ${hours(retentionHours)}::interval
          and (status is not null or lease_until is null or lease_until < ${now})`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/** Sign-in throttle rows quiet for a day whose delay has run out (auth/login-throttle.ts forgets them then too). */
function quietSignInFailures(): HousekeepingTask {
  return {
    name: 'login-throttle',
    async run(db, now) {
      const result = await sql`
        delete from server_login_throttle
        where last_at < ${now} - interval '24 hours'
          and (blocked_until is null or blocked_until < ${now})`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/** OpenID Connect sign-ins abandoned at the provider (their ten minutes ran out). */
function abandonedOidcSignIns(): HousekeepingTask {
  return {
    name: 'oidc-pending',
    async run(db, now) {
      const result = await sql`delete from server_oidc_pending where expires_at < ${now}`.execute(db);
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/**
 * What the server's timer worker cleans up (and the audit checkpoint it writes), and how often.
 * Without a key (tests of the clean-ups alone) no checkpoint is written.
 */
export function serverHousekeeping(config: HousekeepingConfig, auditKey?: AuditKey): HousekeepingOptions {
  return {
    intervalMs: config.intervalMs,
    tasks: [
      endedSessions(config.sessionRetentionHours),
      oldHttpKeys(config.idempotencyRetentionHours),
      expiredIdempotencyKeys(config.idempotencyRetentionHours),
      ...(auditKey ? [auditCheckpointTask(auditKey, config.auditCheckpointMinutes)] : []),
      quietSignInFailures(),
      abandonedOidcSignIns(),
    ],
  };
}
