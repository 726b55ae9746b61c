import {
  AssignmentError,
  DirectoryError,
  ExpressionError,
  type FieldError,
  FormSchemaError,
  type Locale,
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
  return engineProblem(error.code, error.message);
}
