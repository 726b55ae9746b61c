import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

describe('edge hygiene: text PostgreSQL cannot store and cursors it cannot parse never reach it', () => {
  let s: Awaited<ReturnType<typeof openTestServer>>;
  let caseId: string;
  let taskId: string;
  beforeAll(async () => {
    s = await openTestServer();
    caseId = await start(s, 'head103', 'hardship-assistance', h.application());
    taskId = await taskFor(s, caseId, 'head103').catch(async () => {
      const view = await body(await s.call('GET', `/api/instances/${caseId}`, { as: 'admin' }));
      return view.tasks[0].id as string;
    });
  });
  afterAll(() => s.close());

  const expectInvalidText = async (res: Response, path: string) => {
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await body(res);
    expect(problem.code).toBe('invalid-text');
    expect(problem.errors).toEqual([expect.objectContaining({ path, keyword: 'invalid-text' })]);
  };

  it('given a NUL in a path id, when any route reads it, then 400 invalid-text (not a database error)', async () => {
    for (const path of ['/api/instances/a%00b', '/api/tasks/%00', '/api/instances/%00/history']) {
      await expectInvalidText(await s.call('GET', path, { as: 'admin' }), '/url');
    }
    await expectInvalidText(await s.call('POST', '/api/tasks/%00/claim', { as: 'admin' }), '/url');
  });

  it('given a NUL in a query value, when a list is asked for, then 400 invalid-text naming the parameter', async () => {
    await expectInvalidText(await s.call('GET', '/api/directory/users?q=%00', { as: 'admin' }), '/q');
    await expectInvalidText(await s.call('GET', '/api/directory/units?q=a%00', { as: 'admin' }), '/q');
    await expectInvalidText(
      await s.call('GET', '/api/tasks?definitionKey=%00', { as: 'admin' }),
      '/definitionKey',
    );
  });

  it('given NUL or a lone surrogate anywhere in a JSON body, when sent, then 400 invalid-text at its pointer and nothing is written', async () => {
    const before = (await body(await s.call('GET', `/api/instances/${caseId}/history`, { as: 'admin' })))
      .entries.length;
    await expectInvalidText(
      await s.call('POST', `/api/tasks/${taskId}/comments`, { as: 'head103', body: { text: 'a\u0000b' } }),
      '/text',
    );
    await expectInvalidText(
      await s.call('POST', `/api/tasks/${taskId}/comments`, { as: 'head103', body: { text: 'x\ud800y' } }),
      '/text',
    );
    await expectInvalidText(
      await s.call('POST', '/api/instances', {
        as: 'head103',
        body: { definitionKey: 'hardship-assistance', data: { ...h.application(), 'a/b\udfff': 1 } },
      }),
      '/data/a~1b\ufffd', // the key's bad character is never echoed back
    );
    await expectInvalidText(
      await s.call('POST', '/api/auth/login', { body: { username: 'a\u0000b', password: 'flowform' } }),
      '/username',
    );
    const after = (await body(await s.call('GET', `/api/instances/${caseId}/history`, { as: 'admin' })))
      .entries.length;
    expect(after).toBe(before);
  });

  it('given an upload whose file name holds a NUL, when sent, then 400 invalid-text at /file/name', async () => {
    const form = new FormData();
    form.set('file', new File([new TextEncoder().encode('材料')], 'a\u0000.txt', { type: 'text/plain' }));
    const res = await s.call('POST', `/api/instances/${caseId}/attachments`, { as: 'head103', raw: form });
    await expectInvalidText(res, '/file/name');
  });

  it('given text with surrogate pairs (emoji, rare CJK), when commented, then it is stored as sent', async () => {
    const text = '同意 👍 𠀀';
    const res = await s.call('POST', `/api/tasks/${taskId}/comments`, { as: 'head103', body: { text } });
    expect(res.status).toBeLessThan(300);
    const history = await body(await s.call('GET', `/api/instances/${caseId}/history`, { as: 'admin' }));
    expect(JSON.stringify(history)).toContain(text);
  });

  it('given a list cursor the server did not mint, when either list is read, then 400 at /cursor', async () => {
    const bad = [
      cursorOf(['2026', 'x']),
      cursorOf(['2020-02-30T00:00:00.000Z', 'x']),
      cursorOf(['+275760-09-13T00:00:00.000Z', 'x']),
      cursorOf(['2026-01-01T00:00:00.000Z', '\u0000']),
      cursorOf({ at: 1 }),
      'not base64 json',
    ];
    for (const cursor of bad) {
      for (const list of ['/api/tasks', '/api/instances']) {
        const res = await s.call('GET', `${list}?cursor=${encodeURIComponent(cursor)}`, { as: 'head103' });
        expect(res.status, `${list} ${cursor}`).toBe(400);
        const problem = await body(res);
        expect(problem.code).toBe('invalid-request');
        expect(problem.errors).toEqual([expect.objectContaining({ path: '/cursor' })]);
      }
    }
  });

  it('given a cursor a list answered, when passed back, then the next page follows', async () => {
    await start(s, 'head103', 'hardship-assistance', h.application());
    const first = await body(await s.call('GET', '/api/instances?limit=1&scope=started', { as: 'head103' }));
    expect(first.nextCursor).toBeTypeOf('string');
    const next = await s.call('GET', `/api/instances?limit=1&scope=started&cursor=${first.nextCursor}`, {
      as: 'head103',
    });
    expect(next.status).toBe(200);
    expect((await body(next)).items[0]?.id).not.toBe(first.items[0].id);
  });
});
