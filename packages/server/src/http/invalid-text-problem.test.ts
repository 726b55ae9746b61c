import { StepError } from '@flowform/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';
import { toProblem } from './error-mapping';

describe('invalid-text problems', () => {
  it.each([
    ['en', 'nul', 'Text that cannot be stored', "Field '/data/details' contains the character U+0000"],
    ['zh-CN', 'nul', '文本含有无法保存的字符', "字段 '/data/details' 含有空字符"],
    ['en', 'lone-surrogate', 'Text that cannot be stored', 'an unpaired UTF-16 surrogate'],
    ['zh-CN', 'lone-surrogate', '文本含有无法保存的字符', '不成对的 UTF-16 代理字符'],
  ] as const)(
    'given the runtime refused text (%s, %s), then it is a 400 naming the field',
    (locale, reason, title, words) => {
      const details = { path: '/data/details', reason };
      const problem = toProblem(new StepError('invalid-text', 'refused', details), locale);
      expect(problem).toMatchObject({ status: 400, code: 'invalid-text', title });
      expect(problem.detail).toContain(words);
      expect(problem.extensions).toEqual({
        errors: [{ path: '/data/details', keyword: 'invalid-text', message: problem.detail }],
      });
    },
  );
});

describe('unstorable text through the API', () => {
  let s: Awaited<ReturnType<typeof openTestServer>>;
  let caseId: string;
  let taskId: string;
  beforeAll(async () => {
    s = await openTestServer();
    caseId = await start(s, 'head103', 'hardship-assistance', h.application());
    taskId = await taskFor(s, caseId, 'com1a');
  }, 60_000);
  afterAll(() => s.close());

  it.each([
    ['U+0000', 'a\u0000b'],
    ['a lone surrogate', 'x\ud800y'],
  ])(
    'given a comment with %s, when posted, then 400 invalid-text names /text and no comment is added',
    async (_, text) => {
      const before = await body(await s.call('GET', `/api/instances/${caseId}`, { as: 'com1a' }));
      const res = await s.call('POST', `/api/tasks/${taskId}/comments`, {
        as: 'com1a',
        body: { text },
        headers: { 'accept-language': 'en' },
      });
      expect(res.status).toBe(400);
      const problem = await body(res);
      expect(problem).toMatchObject({ code: 'invalid-text', errors: [{ path: '/text' }] });
      const after = await body(await s.call('GET', `/api/instances/${caseId}`, { as: 'com1a' }));
      expect(after.comments).toEqual(before.comments);
      expect(Array.isArray(before.comments)).toBe(true);
    },
  );
});
