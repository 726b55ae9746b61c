import { readFileSync } from 'node:fs';
import { type AuditAnchor, type AuditKey, type OpenDatabase, openDatabase } from '@flowform/runtime';
import { describeSource, resolveAuditKey } from '../config/audit-key-source';
import { loadConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';

/** The database and the audit keys a CLI command works with (the key is never created here). */
export interface AuditSession {
  open: OpenDatabase;
  /** The current key first, then FLOWFORM_AUDIT_KEY_PREVIOUS; empty without a key. */
  keys: AuditKey[];
  /** Where the key came from, or why there is none. */
  keySource: string;
}

/** Opens the configured database (DATABASE_URL, else ./data) with the configured audit key, if any. */
export async function withAuditSession<T>(run: (session: AuditSession) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const key = resolveAuditKey(config.auditKey.source, { create: false });
  const keys = key ? [key, ...config.auditKey.previous] : config.auditKey.previous;
  const open = await openDatabase(config.database, serverMigrations);
  try {
    return await run({
      open,
      keys,
      keySource: key ? describeSource(config.auditKey.source) : 'no key',
    });
  } finally {
    await open.close();
  }
}

/** An anchor given as its JSON or as the path of a file holding it; throws a readable error. */
export function readAnchor(value: string): AuditAnchor {
  const text = value.trim().startsWith('{') ? value : readFileSync(value, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('--anchor: not JSON (give the output of `flowform audit-anchor`, or a file holding it)');
  }
  const a = parsed as Partial<AuditAnchor>;
  if (
    typeof a !== 'object' ||
    a === null ||
    !Number.isInteger(a.seq) ||
    typeof a.at !== 'string' ||
    !Number.isInteger(a.chains) ||
    typeof a.digest !== 'string' ||
    !/^[0-9a-f]{64}$/.test(a.digest)
  )
    throw new Error(
      '--anchor: expected {"seq", "at", "chains", "digest", "mac", "keyId"} as printed by `flowform audit-anchor`',
    );
  return {
    seq: a.seq!,
    at: a.at,
    chains: a.chains!,
    digest: a.digest,
    mac: typeof a.mac === 'string' ? a.mac : null,
    keyId: typeof a.keyId === 'string' ? a.keyId : null,
  };
}
