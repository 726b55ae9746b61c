import { afterEach, describe, expect, it } from 'vitest';
import { main } from './main';

describe('flowform start', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('given PostgreSQL and no audit key, when started, then it refuses with what to set and exit 1, before connecting', async () => {
    process.env.DATABASE_URL = 'postgres://nobody@nowhere.invalid:5432/flowform';
    delete process.env.FLOWFORM_AUDIT_KEY;
    delete process.env.FLOWFORM_AUDIT_KEY_FILE;
    const out: string[] = [];
    const code = await main(['start', '--port', '0'], { out: (t) => out.push(t), err: (t) => out.push(t) });
    expect(code).toBe(1);
    expect(out.join('\n')).toMatch(
      /^flowform start: No audit key: on PostgreSQL, set FLOWFORM_AUDIT_KEY .* or FLOWFORM_AUDIT_KEY_FILE/,
    );
  });
});
