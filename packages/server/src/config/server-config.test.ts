import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './server-config';

describe('loadConfig', () => {
  it('given no settings, then PGlite in ./data, port 3000 and two write statements in flight', () => {
    const config = loadConfig({}, '/srv/flowform');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dataDir: '/srv/flowform/data' });
    expect(config.writeConcurrency).toBe(2);
  });

  it('given no HOST, then only this machine (127.0.0.1) and no proxy trusted; HOST or the file may open it up', () => {
    const none = loadConfig({}, '/srv/flowform');
    expect(none.host).toBe('127.0.0.1');
    expect(none.trustProxy).toBe(0);
    expect(loadConfig({ HOST: '0.0.0.0' }, '/srv/flowform').host).toBe('0.0.0.0');
    const dir = mkdtempSync(join(tmpdir(), 'ff-config-'));
    writeFileSync(join(dir, 'flowform.config.json'), JSON.stringify({ host: '::', trustProxy: true }));
    const file = loadConfig({}, dir);
    expect(file.host).toBe('::');
    expect(file.trustProxy).toBe(1);
    expect(loadConfig({ FLOWFORM_TRUST_PROXY: '2' }, dir).trustProxy).toBe(2);
    expect(() => loadConfig({ FLOWFORM_TRUST_PROXY: 'yes please' }, dir)).toThrow(/trustProxy/);
  });

  it('given DATABASE_URL and a write concurrency, then both are taken', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://db/flowform', FLOWFORM_WRITE_CONCURRENCY: '6' },
      '/srv/flowform',
    );
    expect(config.database).toEqual({ url: 'postgres://db/flowform' });
    expect(config.writeConcurrency).toBe(6);
  });

  it('given FLOWFORM_SNAPSHOT_CACHE, then each process keeps that many cases in memory (default 10000)', () => {
    expect(loadConfig({}, '/srv/flowform').snapshotCache).toBe(10_000);
    expect(loadConfig({ FLOWFORM_SNAPSHOT_CACHE: '0' }, '/srv/flowform').snapshotCache).toBe(0);
    for (const value of ['-1', '2.5', 'lots'])
      expect(() => loadConfig({ FLOWFORM_SNAPSHOT_CACHE: value }, '/srv/flowform')).toThrow(
        /FLOWFORM_SNAPSHOT_CACHE/,
      );
  });

  it.each(['0', '2.5', 'many', '65'])('given FLOWFORM_WRITE_CONCURRENCY=%s, then a clear error', (value) => {
    expect(() => loadConfig({ FLOWFORM_WRITE_CONCURRENCY: value }, '/srv/flowform')).toThrow(
      /FLOWFORM_WRITE_CONCURRENCY .*1 to 64/,
    );
  });

  it('given an invalid PORT, then a clear error', () => {
    expect(() => loadConfig({ PORT: '70000' }, '/srv/flowform')).toThrow("Invalid PORT '70000'");
  });

  it('given no config file, then idempotency keys are leased 60 s and kept 24 h, ended sessions kept a week, audit checkpoints hourly', () => {
    expect(loadConfig({}, '/srv/flowform').housekeeping).toMatchObject({
      idempotencyLeaseSeconds: 60,
      idempotencyRetentionHours: 24,
      sessionRetentionHours: 168,
      auditCheckpointMinutes: 60,
    });
  });

  const withFile = (settings: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'ff-config-'));
    writeFileSync(join(dir, 'flowform.config.json'), JSON.stringify(settings));
    return loadConfig({}, dir);
  };

  it('given retention settings in the config file, then they are taken', () => {
    expect(
      withFile({
        idempotencyLeaseSeconds: 5,
        idempotencyRetentionHours: 48,
        sessionRetentionHours: 1,
        auditCheckpointMinutes: 15,
      }).housekeeping,
    ).toMatchObject({
      idempotencyLeaseSeconds: 5,
      idempotencyRetentionHours: 48,
      sessionRetentionHours: 1,
      auditCheckpointMinutes: 15,
    });
  });

  it.each([0, -1, 'a day'])('given idempotencyRetentionHours %s, then a clear error', (value) => {
    expect(() => withFile({ idempotencyRetentionHours: value })).toThrow(
      /idempotencyRetentionHours.*positive/,
    );
  });
});
