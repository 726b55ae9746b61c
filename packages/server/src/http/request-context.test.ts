import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env';
import { createLogger } from './logger';
import { requestContext } from './request-context';

function appWith(accessLog: boolean) {
  const lines: string[] = [];
  const app = new Hono<AppEnv>();
  app.use(
    '*',
    requestContext(
      createLogger((l) => lines.push(l)),
      accessLog,
    ),
  );
  app.get('/ok', (c) => c.text('ok'));
  app.get('/boom', (c) => c.text('no', 500));
  return { app, lines };
}

describe('request log', () => {
  it('given request logs off (the default start), when a request succeeds, then nothing is logged but it still gets an id', async () => {
    const { app, lines } = appWith(false);
    const res = await app.request('/ok');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(lines).toEqual([]);
  });

  it('given request logs off, when the server fails, then that request is still logged', async () => {
    const { app, lines } = appWith(false);
    await app.request('/boom');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'request', status: 500 }),
    ]);
  });

  it('given request logs on (--request-log), when a request succeeds, then one line names it', async () => {
    const { app, lines } = appWith(true);
    await app.request('/ok');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/ok', status: 200 }),
    ]);
  });
});
