import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as acc from '../../../../tests/scenarios/data/accountability-data';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

describe('hostile input and security rules', () => {
  let s: Server;
  let caseId: string;
  let taskId: string;
  beforeAll(async () => {
    const { shippedBundles } = await import('../seed/demo-seed');
    const bundles = shippedBundles();
    s = await openTestServer({ bundles, config: { limits: { json: 64 * 1024, upload: 256 * 1024 } } });
    caseId = await start(s, 'head103', 'hardship-assistance', h.application());
    taskId = await taskFor(s, caseId, 'com1a');
  }, 60_000);
  afterAll(() => s.close());

  it('given __proto__ in a JSON body, a query or a form, when sent, then 400 and no prototype is touched', async () => {
    const payloads = [
      '{"outcome":"submit","data":{"__proto__":{"polluted":true}}}',
      '{"__proto__":{"polluted":true}}',
      '{"outcome":"submit","constructor":{"prototype":{"polluted":true}}}',
    ];
    for (const raw of payloads) {
      const res = await s.call('POST', `/api/tasks/${taskId}/complete`, {
        as: 'com1a',
        raw,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
    }
    expect((await s.call('GET', '/api/tasks?__proto__[polluted]=1', { as: 'com1a' })).status).toBe(400);
    expect((await s.call('GET', '/api/tasks?constructor=1', { as: 'com1a' })).status).toBe(400);
    const form = new FormData();
    form.set('__proto__', 'x');
    form.set('file', new File(['x'], 'a.txt', { type: 'text/plain' }));
    expect(
      (await s.call('POST', `/api/instances/${caseId}/attachments`, { as: 'head103', raw: form })).status,
    ).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('given a body over the limit, when declared by Content-Length or streamed chunked, then 413 before any handler', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(70 * 1024) });
    const declared = await s.call('POST', `/api/tasks/${taskId}/comments`, {
      as: 'com1a',
      raw: big,
      headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
    });
    expect(declared.status).toBe(413);
    expect((await body(declared)).code).toBe('body-too-large');
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(8 * 1024)));
        controller.close();
      },
    });
    const token = await s.login('com1a');
    const streamed = await s.app.request(`/api/tasks/${taskId}/comments`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'transfer-encoding': 'chunked',
      },
      body: chunks,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    const upload = new FormData();
    upload.set('file', new File([new Uint8Array(300 * 1024)], 'big.txt', { type: 'text/plain' }));
    expect(
      (await s.call('POST', `/api/instances/${caseId}/attachments`, { as: 'head103', raw: upload })).status,
    ).toBe(413);
  });

  it('given JSON nested deeper than the cap, when sent, then 400 without a stack overflow', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const res = await s.call('POST', `/api/tasks/${taskId}/comments`, {
      as: 'com1a',
      raw: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    const nested = `{"outcome":"submit","data":{"a":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}}`;
    const res2 = await s.call('POST', `/api/tasks/${taskId}/complete`, {
      as: 'com1a',
      raw: nested,
      headers: { 'content-type': 'application/json' },
    });
    expect(res2.status).toBe(400);
  });

  it('given a body that is not JSON, when posted, then 415; uploads of a disallowed or disguised type are refused', async () => {
    const res = await s.call('POST', `/api/tasks/${taskId}/comments`, {
      as: 'com1a',
      raw: 'text=hi',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(415);
    const exe = new FormData();
    exe.set('file', new File(['MZ'], 'a.exe', { type: 'application/x-msdownload' }));
    expect(
      (await s.call('POST', `/api/instances/${caseId}/attachments`, { as: 'head103', raw: exe })).status,
    ).toBe(415);
    const fakePng = new FormData();
    fakePng.set('file', new File(['<script>alert(1)</script>'], 'a.png', { type: 'image/png' }));
    expect(
      (await s.call('POST', `/api/instances/${caseId}/attachments`, { as: 'head103', raw: fakePng })).status,
    ).toBe(415);
  });

  it('given any response, when read, then security headers and a CSP without unsafe-eval are set', async () => {
    for (const path of ['/healthz', '/api/me', '/docs']) {
      const res = await s.call('GET', path, { as: 'w001' });
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-request-id')).toBeTruthy();
    }
  });

  it("given the subject or the initiator of an accountability case, when they try to act on the committee decision, then 403 separation-of-duties with a sentence in the reader's language", async () => {
    const id = await start(
      s,
      'leader1',
      'accountability-investigation',
      acc.report({ personConcerned: 'leader2' }),
    );
    await complete(s, id, 'insp1', 'submit', acc.investigation());
    const statementTask = await taskFor(s, id, 'leader2');
    await s.call('POST', `/api/tasks/${statementTask}/complete`, {
      as: 'leader2',
      body: { outcome: 'submit', data: acc.statement() },
    });
    await complete(s, id, 'insp1', 'submit', acc.proposal({ severity: 'serious' }));
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'leader3' }));
    expect(view.activeStates).toEqual(['committee']);
    const committee = await taskFor(s, id, 'leader3');
    for (const [user, language, words] of [
      ['leader2', 'zh-CN', '不相容职责分离'],
      ['leader1', 'en', 'Separation of duties'],
    ] as const) {
      for (const [op, payload] of [
        ['complete', { outcome: 'approve', data: acc.vote() }],
        ['claim', {}],
        ['cc', { users: ['w001'] }],
      ] as const) {
        const res = await s.call('POST', `/api/tasks/${committee}/${op}`, {
          as: user,
          body: payload,
          headers: { 'accept-language': language },
        });
        expect(res.status, `${user} ${op}`).toBe(403);
        const problem = await body(res);
        expect(problem.code).toBe('separation-of-duties');
        expect(problem.detail).toContain(words);
      }
      const task = await body(await s.call('GET', `/api/tasks/${committee}`, { as: user }));
      expect(task.operations).not.toContain('complete');
      expect(task.operations).not.toContain('claim');
      expect(task.separation['zh-CN']).toContain('不相容职责分离');
    }
    // leader3's own ballot of the committee vote (区委会表决).
    expect((await complete(s, id, 'leader3', 'approve', acc.vote())).status).toBe(200);
  });

  it('given hostile bodies thrown at every route, when sent, then every answer is a 4xx problem, never a 5xx', async () => {
    const openapi = await body(await s.call('GET', '/openapi.json'));
    const ids = {
      id: caseId,
      key: 'hardship-assistance',
      version: '1',
      attachmentId: '00000000-0000-4000-8000-000000000000',
    };
    const hostile: (string | undefined)[] = [
      undefined,
      '',
      'null',
      '[]',
      '"text"',
      '12',
      '{',
      '{"a":',
      '{"outcome":{"$gt":""},"data":[1,2]}',
      '{"to":["admin"],"users":"admin","text":123}',
      '{"definitionKey":"../../etc/passwd","data":"x"}',
      JSON.stringify({ definition: { key: 'hardship-assistance', machine: 42 }, forms: { a: 'b' } }),
      JSON.stringify({ outcome: 'submit', data: { findings: '\u0000\uffff'.repeat(100) } }),
      '\u0000\u0001\u0002',
      JSON.stringify({ users: Array.from({ length: 500 }, (_, i) => `u${i}`) }),
      JSON.stringify({ username: 'admin', password: 'x'.repeat(10_000) }),
    ];
    const failures: string[] = [];
    for (const [template, ops] of Object.entries(openapi.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) {
        if (method === 'get') continue;
        for (const user of ['admin', 'com1a', 'w005']) {
          const path = template
            .replace('{id}', encodeURIComponent(template.startsWith('/api/tasks') ? taskId : ids.id))
            .replace('{key}', ids.key)
            .replace('{version}', ids.version)
            .replace('{attachmentId}', ids.attachmentId);
          for (const raw of hostile) {
            const res = await s.call(method.toUpperCase(), path, {
              as: user,
              ...(raw !== undefined ? { raw, headers: { 'content-type': 'application/json' } } : {}),
            });
            if (
              res.status >= 500 ||
              (res.status >= 400 && !res.headers.get('content-type')?.includes('problem+json'))
            )
              failures.push(`${user} ${method} ${path} ${raw?.slice(0, 30)} → ${res.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
