import { type FieldError, type Locale, StepError } from '@flowform/engine';
import { RuntimeError } from '@flowform/runtime';
import { HTTPException } from 'hono/http-exception';
import { ApiProblem, problems } from './problem';

/**
 * Maps any thrown error to a problem. Engine refusals keep their code: `not-permitted` is 403,
 * `stale` and `conflict` 409, `not-found` 404, refusals of the command itself 422. Anything
 * unknown is a 500 with no detail (the log has it).
 */
export function toProblem(error: unknown, locale: Locale): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof StepError) return stepProblem(error, locale);
  if (error instanceof RuntimeError) {
    if (error.code === 'conflict') return problems.conflict(error.message);
    if (error.code === 'invalid-cursor')
      return problems.badRequest(error.message, {
        errors: [{ path: '/cursor', keyword: 'cursor', message: error.message }],
      });
    return new ApiProblem(404, error.code, 'Not found', error.message);
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return problems.tooLarge(0);
    return new ApiProblem(error.status as 400, 'http-error', error.message || 'Request failed');
  }
  return new ApiProblem(500, 'internal', 'Internal server error');
}

function stepProblem(error: StepError, locale: Locale): ApiProblem {
  switch (error.code) {
    case 'not-permitted':
      return new ApiProblem(403, 'not-permitted', 'Not permitted', error.message);
    case 'stale':
      return new ApiProblem(409, 'stale', 'The task or case has moved on', error.message);
    case 'not-found':
      return new ApiProblem(404, 'not-found', 'Not found', error.message);
    case 'invalid-form': {
      const raw = (error.details as { errors?: FieldError[] } | undefined)?.errors ?? [];
      const errors = raw.map((e) => ({ path: e.path, keyword: e.keyword, message: localise(e, locale) }));
      const title = locale === 'en' ? 'The form has errors' : '表单填写有误';
      return new ApiProblem(422, 'invalid-form', title, undefined, { errors });
    }
    default:
      return new ApiProblem(422, error.code, 'Command refused', error.message);
  }
}

/** The engine words two messages itself (in its default zh-CN); give English readers theirs. */
function localise(error: FieldError, locale: Locale): string {
  if (locale !== 'en') return error.message;
  if (error.path === '/comment' && error.keyword === 'required')
    return 'A comment is required for this decision';
  if (error.keyword === 'readOnly') return `Field '${error.path.slice(1)}' is read-only in this task`;
  return error.message;
}
