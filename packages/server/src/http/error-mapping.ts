import {
  AssignmentError,
  DirectoryError,
  ExpressionError,
  type FieldError,
  FormSchemaError,
  type Locale,
  type RefusedGuard,
  type SeparationRefusal,
  StepError,
  type UnstorableText,
  VotingError,
} from '@flowform/engine';
import { RuntimeError } from '@flowform/runtime';
import { HTTPException } from 'hono/http-exception';
import { ENGINE_PROBLEMS, type EngineProblemCode } from './engine-problems';
import { invalidTextProblem } from './invalid-text-problem';
import { ApiProblem, type ProblemExtensions, problems } from './problem';

/**
 * Maps any thrown error to a problem. Every error the engine and the runtime raise carries a code,
 * and every code has a status in the exhaustive tables of `engine-problems.ts` (all 4xx: they come
 * from what a client sent): `not-permitted` is 403, `stale` and `conflict` 409, `not-found` 404,
 * refusals of the command itself 422. Anything else is a bug: a 500 with no detail (the log has it).
 */
export function toProblem(error: unknown, locale: Locale): ApiProblem {
  if (error instanceof ApiProblem) return error;
  if (error instanceof StepError) return stepProblem(error, locale);
  if (error instanceof RuntimeError) {
    if (error.code === 'duplicate-value') return engineProblem(error.code, error.message, error.details);
    const cursor = error.code === 'invalid-cursor';
    const errors = [{ path: '/cursor', keyword: 'cursor', message: error.message }];
    return engineProblem(error.code, error.message, cursor ? { errors } : {});
  }
  if (error instanceof AssignmentError) return engineProblem(error.code, error.message);
  if (error instanceof ExpressionError) {
    return engineProblem(error.code, error.message, error.reason ? { reason: error.reason } : {});
  }
  if (error instanceof VotingError) return engineProblem(error.code, error.message);
  if (error instanceof DirectoryError)
    return engineProblem(error.code, error.message, { problems: error.problems });
  if (error instanceof FormSchemaError) {
    return engineProblem('form-schema-invalid', undefined, { problems: error.problems });
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return problems.tooLarge(0);
    return new ApiProblem(error.status as 400, 'http-error', error.message || 'Request failed');
  }
  return new ApiProblem(500, 'internal', 'Internal server error');
}

/**
 * The problem for an engine code: its table's status and title (under the code it is sent as, if
 * the table names another), the error's own message as detail.
 */
function engineProblem(code: EngineProblemCode, detail?: string, extensions?: ProblemExtensions): ApiProblem {
  const { status, en, sentAs } = ENGINE_PROBLEMS[code];
  return new ApiProblem(status, sentAs ?? code, en, detail, extensions);
}

function stepProblem(error: StepError, locale: Locale): ApiProblem {
  if (error.code === 'invalid-form' || error.code === 'invalid-reference') {
    const raw = (error.details as { errors?: FieldError[] } | undefined)?.errors ?? [];
    const errors = raw.map((e) => ({ path: e.path, keyword: e.keyword, message: e.message }));
    return engineProblem(error.code, undefined, { errors });
  }
  if (error.code === 'invalid-text')
    return invalidTextProblem(error.details as UnstorableText | undefined, locale);
  if (error.code === 'separation-of-duties' && error.details) {
    const { message, ...why } = error.details as SeparationRefusal;
    return engineProblem('separation-of-duties', message[locale], { ...why, message });
  }
  if (error.code === 'expression-failed') {
    const { reason } = (error.details as { reason?: string } | undefined) ?? {};
    return engineProblem('expression-failed', error.message, reason ? { reason } : {});
  }
  if (error.code === 'case-suspended') {
    const held = error.details as { reason?: string } | undefined;
    const detail = held?.reason
      ? locale === 'en'
        ? `The case is suspended by an administrator (reason: ${held.reason}): no work until it is resumed`
        : `案件已被管理员挂起（原因：${held.reason}），恢复前不能办理`
      : undefined;
    return engineProblem(error.code, detail, { ...(error.details as object | undefined) });
  }
  if (error.code === 'urge-too-soon' || error.code === 'outside-reach' || error.code === 'not-entitled') {
    // `{ allowedAt, retryAfter }` (Retry-After follows) or `{ operation, users }`: see STEP_ERROR_CODES.
    return engineProblem(error.code, error.message, { ...(error.details as object | undefined) });
  }
  if (error.code === 'not-enabled') {
    const { guards } = (error.details as { guards?: RefusedGuard[] } | undefined) ?? {};
    const described = (guards ?? []).filter((g) => g.description);
    if (described.length > 0) return guardProblem(described, locale);
  }
  return engineProblem(error.code, error.message);
}

/**
 * An outcome a guard refused: the guard's own description, in the reader's language, as the
 * detail, and as the error of each field the guard reads (a payment above the approved amount
 * points at the amount paid).
 */
function guardProblem(guards: RefusedGuard[], locale: Locale): ApiProblem {
  const text = (g: RefusedGuard) => (locale === 'en' ? g.description!.en : g.description!['zh-CN']);
  const sentence = (g: RefusedGuard) =>
    locale === 'en' ? `Condition not met: ${text(g)}` : `未满足条件：${text(g)}`;
  const errors = guards.flatMap((g) =>
    g.fields.map((field) => ({ path: `/${field}`, keyword: 'guard', message: sentence(g) })),
  );
  return engineProblem('not-enabled', guards.map(sentence).join(locale === 'en' ? '; ' : '；'), { errors });
}
