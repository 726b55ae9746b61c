import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request } from '../../../api/http';
import { I18nProvider } from '../../../i18n/i18n-context';
import { RefusedProblems } from './refused-problems';

/** What the server answers when its lint refuses a publish (RFC 9457 with the problems). */
const refusal = {
  type: 'about:blank',
  title: 'The definition has lint errors',
  status: 422,
  code: 'lint-errors',
  problems: [
    {
      code: 'form-schema-invalid',
      severity: 'error',
      message: "Form 'leave.apply': schema does not compile",
      path: '/forms/leave.apply/schema',
      hint: 'Make the form schema smaller, simpler or safer',
    },
    { code: 'not-a-problem' },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a publish the server refused', () => {
  it('given a 422 with lint problems, when the call fails, then the error carries each well-formed problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(refusal), {
            status: 422,
            headers: { 'content-type': 'application/problem+json' },
          }),
      ),
    );
    const error = await request('POST', '/api/admin/definitions/leave/publish').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problems.map((p) => p.code)).toEqual(['form-schema-invalid']);
  });

  it('given those problems, when shown, then each has its code, place, message and hint', () => {
    const html = renderToStaticMarkup(
      <I18nProvider initial="zh-CN">
        <RefusedProblems problems={[refusal.problems[0] as never]} />
      </I18nProvider>,
    );
    expect(html).toContain('服务器检查未通过');
    for (const text of [
      'form-schema-invalid',
      '/forms/leave.apply/schema',
      'schema does not compile',
      'smaller, simpler',
    ])
      expect(html).toContain(text);
  });
});
