/**
 * Errors the engine's modules raise because of a command's data (an unknown unit in a field, an
 * expression that fails on the values given, a ballot out of turn), turned into the one refusal a
 * step throws, so that every refusal reaches the caller as a `StepError` with a stable code.
 */
import { AssignmentError, type AssignmentField } from '../assignment';
import { ExpressionError } from '../expressions';
import type { FieldError, Locale } from '../forms';
import { VotingError } from '../voting';
import { invalidForm } from './form-submission';
import { StepError } from './step-error';

/** The JSON pointer of a case data field named by a dotted path: `applicant.unit` → `/applicant/unit`. */
export function fieldPointer(field: string, data: Record<string, unknown>): string {
  const escapeKey = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');
  const keys = field in data ? [field] : field.split('.');
  return keys.map((k) => `/${escapeKey(k)}`).join('');
}

const MESSAGES: Record<
  AssignmentField['expected'],
  Record<AssignmentField['problem'], Record<Locale, (f: string) => string>>
> = {
  unit: {
    type: { 'zh-CN': (f) => `字段「${f}」应为单位编号`, en: (f) => `Field '${f}' must be a unit id` },
    unknown: { 'zh-CN': (f) => `字段「${f}」不是已知的单位`, en: (f) => `Field '${f}' names no known unit` },
  },
  user: {
    type: { 'zh-CN': (f) => `字段「${f}」应为用户名`, en: (f) => `Field '${f}' must hold usernames` },
    unknown: { 'zh-CN': (f) => `字段「${f}」不是已知的用户`, en: (f) => `Field '${f}' names no known user` },
  },
};

/** The field error for a case data field that an assignment rule could not read. */
export function assignmentFieldError(
  field: AssignmentField,
  data: Record<string, unknown>,
  locale: Locale = 'zh-CN',
): FieldError {
  return {
    path: fieldPointer(field.field, data),
    keyword: field.expected,
    message: MESSAGES[field.expected][field.problem][locale](field.field),
  };
}

/**
 * `error` as a refusal: an `AssignmentError` about a data field is `invalid-form` with that field's
 * path, any other `assignment-empty`; an `ExpressionError` is `expression-failed`; a `VotingError`
 * `invalid-command`. Anything else is returned as it is (it is a bug, not a refusal).
 */
export function asRefusal(error: unknown, data: Record<string, unknown>, locale?: Locale): unknown {
  if (error instanceof StepError) return error;
  if (error instanceof AssignmentError) {
    if (error.field) return invalidForm([assignmentFieldError(error.field, data, locale)]);
    return new StepError('assignment-empty', error.message);
  }
  if (error instanceof ExpressionError) {
    const details = { code: error.code, ...(error.reason ? { reason: error.reason } : {}) };
    return new StepError('expression-failed', error.message, details);
  }
  if (error instanceof VotingError)
    return new StepError('invalid-command', error.message, { code: error.code });
  return error;
}
