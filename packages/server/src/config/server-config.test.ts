import { describe, expect, it } from 'vitest';
import { loadConfig } from './server-config';

describe('loadConfig', () => {
  it('given no settings, then PGlite in ./data, port 3000 and two write statements in flight', () => {
    const config = loadConfig({}, '/srv/flowform');
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dataDir: '/srv/flowform/data' });
    expect(config.writeConcurrency).toBe(2);
  });

  it('given DATABASE_URL and a write concurrency, then both are taken', () => {
    const config = loadConfig(
      { DATABASE_URL: 'postgres://db/flowform', FLOWFORM_WRITE_CONCURRENCY: '6' },
      '/srv/flowform',
    );
    expect(config.database).toEqual({ url: 'postgres://db/flowform' });
    expect(config.writeConcurrency).toBe(6);
  });

  it.each(['0', '2.5', 'many', '65'])('given FLOWFORM_WRITE_CONCURRENCY=%s, then a clear error', (value) => {
    expect(() => loadConfig({ FLOWFORM_WRITE_CONCURRENCY: value }, '/srv/flowform')).toThrow(
      /FLOWFORM_WRITE_CONCURRENCY .*1 to 64/,
    );
  });

  it('given an invalid PORT, then a clear error', () => {
    expect(() => loadConfig({ PORT: '70000' }, '/srv/flowform')).toThrow("Invalid PORT '70000'");
  });
});
