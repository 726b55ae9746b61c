import {
  ASSIGNMENT_ERROR_CODES,
  AssignmentError,
  DIRECTORY_ERROR_CODES,
  DirectoryError,
  EXPRESSION_ERROR_CODES,
  ExpressionError,
  FormSchemaError,
  type Locale,
  STEP_ERROR_CODES,
  StepError,
  VOTING_ERROR_CODES,
  VotingError,
} from '@flowform/engine';
import { RUNTIME_ERROR_CODES, RuntimeError } from '@flowform/runtime';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { ENGINE_PROBLEMS } from './engine-problems';
import { toProblem } from './error-mapping';
import { problemResponse } from './problem';

const CJK = /[\u4e00-\u9fff]/;

/** Every code the engine and the runtime can raise, each as the error that carries it. */
type Raised = readonly [family: string, code: string, error: Error];

const raised: Raised[] = [
  ...STEP_ERROR_CODES.map((c) => ['StepError', c, new StepError(c, `step ${c}`)] as Raised),
  ...ASSIGNMENT_ERROR_CODES.map((c) => ['AssignmentError', c, new AssignmentError(c, `rule ${c}`)] as Raised),
  ...EXPRESSION_ERROR_CODES.map(
    (c) => ['ExpressionError', c, new ExpressionError(c, `cel ${c}`, 'x')] as Raised,
  ),
  ...VOTING_ERROR_CODES.map((c) => ['VotingError', c, new VotingError(c, `vote ${c}`)] as Raised),
  ...DIRECTORY_ERROR_CODES.map(
    (c) => ['DirectoryError', c, new DirectoryError(c, `directory ${c}`)] as Raised,
  ),
  ...RUNTIME_ERROR_CODES.map((c) => ['RuntimeError', c, new RuntimeError(c, `runtime ${c}`)] as Raised),
  [
    'FormSchemaError',
    'form-schema-invalid',
    new FormSchemaError([{ code: 'form-schema-too-deep', path: '/properties', message: 'too deep' }]),
  ],
];

// biome-ignore lint/suspicious/noExplicitAny: a problem document read loosely for assertions
type Loose = any;

/** Renders what the app's error handler renders for `error`, for a reader of `locale`. */
async function rendered(error: Error, locale: Locale) {
  const app = new Hono<{ Variables: { locale: Locale } }>();
  app.get('/x', (c) => {
    c.set('locale', locale);
    return problemResponse(c, toProblem(error, locale));
  });
  const res = await app.request('/x');
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    body: (await res.json()) as Record<string, Loose>,
  };
}

describe('every engine error code through the error mapping', () => {
  it('given the code lists, then they cover the families the server maps (a list is never empty)', () => {
    const families = new Set(raised.map(([family]) => family));
    expect(families.size).toBe(7);
    expect(raised.length).toBeGreaterThan(30);
  });

  it.each(raised)(
    'given a %s %s, then a 4xx problem with that code, titled in zh-CN and in English',
    async (_f, code, error) => {
      const sent = ENGINE_PROBLEMS[code as keyof typeof ENGINE_PROBLEMS].sentAs ?? code;
      const zh = await rendered(error, 'zh-CN');
      const en = await rendered(error, 'en');
      for (const r of [zh, en]) {
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(r.type).toBe('application/problem+json');
        expect(r.body).toMatchObject({
          code: sent,
          status: r.status,
          type: `https://flowform.dev/problems/${sent}`,
        });
      }
      expect(zh.body.title).toMatch(CJK);
      expect(en.body.title).not.toMatch(CJK);
      expect(en.body.title.length).toBeGreaterThan(2);
    },
  );

  it('given an assignment error about a field, a failing expression and an unsafe schema, then their details survive', async () => {
    const failed = new ExpressionError('cel-runtime', 'division by zero', '1/0', {
      reason: 'division-by-zero',
    });
    expect((await rendered(failed, 'en')).body).toMatchObject({ reason: 'division-by-zero' });
    const schema = new FormSchemaError([{ code: 'regex-too-large', path: '/properties/a', message: 'big' }]);
    expect((await rendered(schema, 'en')).body.problems).toEqual([
      { code: 'regex-too-large', path: '/properties/a', message: 'big' },
    ]);
    const form = new StepError('invalid-form', 'x', {
      errors: [{ path: '/branch', keyword: 'unit', message: "Field 'branch' names no known unit" }],
    });
    expect((await rendered(form, 'en')).body.errors).toEqual([
      { path: '/branch', keyword: 'unit', message: "Field 'branch' names no known unit" },
    ]);
  });

  it('given an error that is not the engine’s, then 500 internal with no detail (a bug, logged)', async () => {
    const { status, body } = await rendered(new TypeError('x is undefined'), 'en');
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'internal', title: 'Internal server error' });
    expect(body.detail).toBeUndefined();
  });
});
