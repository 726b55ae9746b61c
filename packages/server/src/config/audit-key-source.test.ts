import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditKey } from '@flowform/runtime';
import { afterAll, describe, expect, it } from 'vitest';
import { composeServer } from '../compose-server';
import { createLogger } from '../http/logger';
import { AUDIT_KEY_MISSING, describeSource, keyFileBeside, resolveAuditKey } from './audit-key-source';
import { loadConfig } from './server-config';

const HEX = '0f'.repeat(32);
const roots: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ff-key-'));
  roots.push(dir);
  return dir;
};

describe('the audit key', () => {
  afterAll(() => {
    for (const dir of roots) rmSync(dir, { recursive: true, force: true });
  });

  it('given FLOWFORM_AUDIT_KEY as hex or as base64 of the same bytes, then it is the same key', () => {
    const hex = loadConfig({ FLOWFORM_AUDIT_KEY: HEX }, '/srv/ff').auditKey;
    const b64 = loadConfig(
      { FLOWFORM_AUDIT_KEY: Buffer.from(HEX, 'hex').toString('base64') },
      '/srv/ff',
    ).auditKey;
    expect(resolveAuditKey(hex.source, { create: true })!.id).toBe(
      resolveAuditKey(b64.source, { create: true })!.id,
    );
    expect(describeSource(hex.source)).toBe('FLOWFORM_AUDIT_KEY');
  });

  it.each(['abcd', 'not a key!'])('given FLOWFORM_AUDIT_KEY=%s, then a clear error', (value) => {
    expect(() => loadConfig({ FLOWFORM_AUDIT_KEY: value }, '/srv/ff')).toThrow(
      /Invalid audit key in FLOWFORM_AUDIT_KEY/,
    );
  });

  it('given embedded PGlite and no key, when the server starts twice, then a key file is generated beside the data directory (0600) and reused', () => {
    const root = scratch();
    const { source } = loadConfig({ FLOWFORM_DATA_DIR: 'db/data' }, root).auditKey;
    expect(source).toEqual({ kind: 'beside-data', path: join(root, 'db', 'data.audit-key') });
    expect(resolveAuditKey(source, { create: false })).toBeUndefined();
    const first = resolveAuditKey(source, { create: true })!;
    const path = keyFileBeside(join(root, 'db', 'data'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(AuditKey.parse(readFileSync(path, 'utf8')).id).toBe(first.id);
    expect(resolveAuditKey(source, { create: true })!.id).toBe(first.id);
    expect(resolveAuditKey(source, { create: false })!.id).toBe(first.id);
  });

  it('given FLOWFORM_AUDIT_KEY_FILE, then the key is read from it; a missing file stops the start', () => {
    const root = scratch();
    writeFileSync(join(root, 'audit.key'), `${HEX}\n`, { mode: 0o600 });
    const given = loadConfig(
      { DATABASE_URL: 'postgres://db/ff', FLOWFORM_AUDIT_KEY_FILE: 'audit.key' },
      root,
    );
    expect(resolveAuditKey(given.auditKey.source, { create: true })!.id).toBe(AuditKey.parse(HEX).id);
    const missing = loadConfig(
      { DATABASE_URL: 'postgres://db/ff', FLOWFORM_AUDIT_KEY_FILE: 'gone.key' },
      root,
    );
    expect(() => resolveAuditKey(missing.auditKey.source, { create: true })).toThrow(
      /gone.key does not exist/,
    );
  });

  it('given earlier keys in FLOWFORM_AUDIT_KEY_PREVIOUS, then they are kept for verification', () => {
    const other = '1e'.repeat(32);
    const { previous } = loadConfig({ FLOWFORM_AUDIT_KEY_PREVIOUS: `${HEX}, ${other}` }, '/srv/ff').auditKey;
    expect(previous.map((k) => k.id)).toEqual([AuditKey.parse(HEX).id, AuditKey.parse(other).id]);
  });

  it('given PostgreSQL and no key, when the server is composed, then it refuses to start with a message saying what to set, before connecting', async () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://nowhere.invalid/ff' }, '/srv/ff');
    expect(config.auditKey.source).toEqual({ kind: 'none' });
    expect(resolveAuditKey(config.auditKey.source, { create: false })).toBeUndefined();
    await expect(composeServer(config, createLogger('silent'))).rejects.toThrow(AUDIT_KEY_MISSING);
    expect(AUDIT_KEY_MISSING).toContain('FLOWFORM_AUDIT_KEY');
  });
});
