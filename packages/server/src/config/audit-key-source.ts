import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AuditKey, type DatabaseTarget } from '@flowform/runtime';

/**
 * Where the audit key comes from (it MACs every case's chain head and each checkpoint, and is
 * never stored in the database): FLOWFORM_AUDIT_KEY (hex or base64), else FLOWFORM_AUDIT_KEY_FILE,
 * else, for embedded PGlite, a file beside the data directory generated on first start. PostgreSQL
 * without a key has none: the server refuses to start.
 */
export type AuditKeySource =
  | { kind: 'given'; key: AuditKey; from: string }
  | { kind: 'file'; path: string }
  /** `<data dir>.audit-key` beside PGlite's data directory, created (mode 0600) on first start. */
  | { kind: 'beside-data'; path: string }
  /** In-memory PGlite: a random key for the life of the process (as the database). */
  | { kind: 'ephemeral' }
  | { kind: 'none' };

/** The audit key settings: the current key's source and earlier keys still trusted (rotation). */
export interface AuditKeyConfig {
  source: AuditKeySource;
  /** FLOWFORM_AUDIT_KEY_PREVIOUS: earlier keys, comma-separated; heads they MACed still verify. */
  previous: AuditKey[];
}

/** The server has no audit key where it needs one (PostgreSQL): it does not start. */
export class AuditKeyMissingError extends Error {}

export const AUDIT_KEY_MISSING =
  'No audit key: on PostgreSQL, set FLOWFORM_AUDIT_KEY (32 random bytes as hex or base64, e.g. `openssl rand -hex 32`) ' +
  'or FLOWFORM_AUDIT_KEY_FILE (a file holding it, mode 0600), kept outside the database and backed up apart from it. ' +
  '未配置审计密钥：PostgreSQL 部署须设置 FLOWFORM_AUDIT_KEY 或 FLOWFORM_AUDIT_KEY_FILE（密钥不得存放在数据库中）。';

function parse(text: string, where: string): AuditKey {
  try {
    return AuditKey.parse(text);
  } catch (error) {
    throw new Error(`Invalid audit key in ${where}: ${(error as Error).message}`);
  }
}

/** Reads the audit key settings from the environment; nothing is read from disk yet. */
export function auditKeyConfig(
  env: NodeJS.ProcessEnv,
  database: DatabaseTarget,
  cwd: string,
): AuditKeyConfig {
  const previous = (env.FLOWFORM_AUDIT_KEY_PREVIOUS ?? '')
    .split(',')
    .filter((t) => t.trim() !== '')
    .map((t) => parse(t, 'FLOWFORM_AUDIT_KEY_PREVIOUS'));
  if (env.FLOWFORM_AUDIT_KEY)
    return {
      source: {
        kind: 'given',
        key: parse(env.FLOWFORM_AUDIT_KEY, 'FLOWFORM_AUDIT_KEY'),
        from: 'FLOWFORM_AUDIT_KEY',
      },
      previous,
    };
  if (env.FLOWFORM_AUDIT_KEY_FILE)
    return { source: { kind: 'file', path: resolve(cwd, env.FLOWFORM_AUDIT_KEY_FILE) }, previous };
  if ('dataDir' in database)
    return { source: { kind: 'beside-data', path: keyFileBeside(database.dataDir) }, previous };
  if ('memory' in database) return { source: { kind: 'ephemeral' }, previous };
  return { source: { kind: 'none' }, previous };
}

/** `/srv/flowform/data` → `/srv/flowform/data.audit-key`: beside the directory, never inside it. */
export function keyFileBeside(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}.audit-key`);
}

let ephemeral: AuditKey | undefined;

/**
 * The audit key itself. `create`: the server starting — a PGlite key file is generated if absent
 * (0600, never overwritten; two processes racing read the winner's), and no key at all is an
 * error. Without `create` (verification), a missing key is undefined.
 */
export function resolveAuditKey(source: AuditKeySource, options: { create: boolean }): AuditKey | undefined {
  switch (source.kind) {
    case 'given':
      return source.key;
    case 'file':
      if (!existsSync(source.path)) {
        if (!options.create) return undefined;
        throw new Error(`FLOWFORM_AUDIT_KEY_FILE ${source.path} does not exist`);
      }
      return parse(readFileSync(source.path, 'utf8'), source.path);
    case 'beside-data':
      if (existsSync(source.path)) return parse(readFileSync(source.path, 'utf8'), source.path);
      if (!options.create) return undefined;
      return generateKeyFile(source.path);
    case 'ephemeral':
      ephemeral ??= AuditKey.generate();
      return ephemeral;
    case 'none':
      if (options.create) throw new AuditKeyMissingError(AUDIT_KEY_MISSING);
      return undefined;
  }
}

/** Writes a new key whole to a private temporary file, then links it in place: never half a key. */
function generateKeyFile(path: string): AuditKey {
  const key = AuditKey.generate();
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${key.toHex()}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parse(readFileSync(path, 'utf8'), path);
  } finally {
    unlinkSync(temporary);
  }
}

/** Where the key came from, for logs and the CLI (never the key). */
export function describeSource(source: AuditKeySource): string {
  switch (source.kind) {
    case 'given':
      return source.from;
    case 'file':
      return `FLOWFORM_AUDIT_KEY_FILE ${source.path}`;
    case 'beside-data':
      return `key file ${source.path}`;
    case 'ephemeral':
      return 'a key for this process only (in-memory database)';
    case 'none':
      return 'no key';
  }
}
