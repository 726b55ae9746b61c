import type { Locale } from '@flowform/engine';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ProblemCode, problemTitle } from './problem-catalog';

/** Extra members of a problem document (RFC 9457 extensions), e.g. `errors` or `problems`. */
export type ProblemExtensions = Record<string, unknown>;

/**
 * An API failure as an RFC 9457 problem: HTTP status, a stable machine-readable `code` that clients
 * switch on (one of the catalogue's, `problem-catalog.ts`), a short English title for logs and
 * optional detail and extensions. Thrown anywhere; the error handler renders it as
 * `application/problem+json`, titled in the reader's language from the catalogue.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: ProblemExtensions = {},
  ) {
    super(detail ?? title);
    this.name = 'ApiProblem';
  }
}

/** Common problems, one constructor each so codes stay stable. */
export const problems = {
  badRequest: (detail: string, extensions?: ProblemExtensions) =>
    new ApiProblem(400, 'invalid-request', 'Invalid request', detail, extensions),
  unauthenticated: () => new ApiProblem(401, 'unauthenticated', 'Authentication required'),
  forbidden: (detail = 'You may not do this') => new ApiProblem(403, 'forbidden', 'Forbidden', detail),
  passwordChangeRequired: (locale: 'zh-CN' | 'en') =>
    new ApiProblem(
      403,
      'password-change-required',
      locale === 'en' ? 'Change your password first' : '请先修改密码',
      locale === 'en'
        ? 'This account signed in with a one-time password: change it (POST /api/me/password) before anything else'
        : '此账号使用一次性密码登录，请先修改密码（POST /api/me/password）',
    ),
  notFound: (detail = 'No such resource') => new ApiProblem(404, 'not-found', 'Not found', detail),
  conflict: (detail: string, code: ProblemCode = 'conflict') => new ApiProblem(409, code, 'Conflict', detail),
  tooLarge: (limit: number) =>
    new ApiProblem(413, 'body-too-large', 'Request body too large', `The limit is ${limit} bytes`),
  unsupportedMedia: (expected: string) =>
    new ApiProblem(415, 'unsupported-media-type', 'Unsupported media type', `Send ${expected}`),
  tooManyRequests: (retryAfter: number) =>
    new ApiProblem(429, 'too-many-attempts', 'Too many attempts', `Try again in ${retryAfter} s`, {
      retryAfter,
    }),
};

const CJK = /[\u3400-\u9fff]/;

/**
 * The detail a reader of `locale` gets: in Chinese, a detail written only in English (the engine's
 * and the schema validator's words) gives way to the code's Chinese sentence, the English kept
 * beside it as `detailEn` for support and logs.
 */
function localDetail(problem: ApiProblem, locale: Locale): { detail?: string; detailEn?: string } {
  if (!problem.detail) return {};
  if (locale === 'en' || CJK.test(problem.detail)) return { detail: problem.detail };
  return { detail: problemTitle(problem.code, locale), detailEn: problem.detail };
}

/** Writes a problem document, titled in the request's language (zh-CN when none was chosen). */
export function problemResponse(c: Context, problem: ApiProblem): Response {
  const locale = (c.get('locale') as Locale | undefined) ?? 'zh-CN';
  const detail = localDetail(problem, locale);
  const body = {
    type: `https://flowform.dev/problems/${problem.code}`,
    title: problemTitle(problem.code, locale),
    status: problem.status,
    code: problem.code,
    ...detail,
    ...problem.extensions,
    instance: c.req.path,
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  const retryAfter = problem.extensions.retryAfter;
  if (typeof retryAfter === 'number') headers['Retry-After'] = String(retryAfter);
  return c.body(JSON.stringify(body), problem.status, headers);
}
