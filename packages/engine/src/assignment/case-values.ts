/**
 * Reads users and units out of case data and expression results, telling "nothing there" (an empty
 * assignment, handled by the empty policy) from "something wrong there" (an invalid assignment).
 */
import type { AssignmentContext } from './assignment-context';
import { AssignmentError, type AssignmentField } from './assignment-error';
import type { Directory } from './directory';

const isAbsent = (v: unknown): boolean => v === undefined || v === null || v === '';

/** The value at a field name or dotted path (`applicant.username`) in case data. */
export function readField(data: Record<string, unknown>, path: string): unknown {
  if (path in data) return data[path];
  let at: unknown = data;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/**
 * Active usernames from a value that should be a username or a list of them: absent values give none,
 * values of another type or unknown usernames throw `assignment-invalid`, disabled users are dropped.
 */
export function activeUsernames(
  value: unknown,
  source: string,
  directory: Directory,
  field?: string,
): string[] {
  if (isAbsent(value)) return [];
  const names = Array.isArray(value) ? value.filter((v) => !isAbsent(v)) : [value];
  const at = (problem: AssignmentField['problem']): AssignmentField | undefined =>
    field === undefined ? undefined : { field, expected: 'user', problem };
  const users = names.map((name) => {
    if (typeof name !== 'string') {
      throw new AssignmentError(
        'assignment-invalid',
        `${source}: expected usernames, got ${JSON.stringify(name)}`,
        at('type'),
      );
    }
    const user = directory.user(name);
    if (!user)
      throw new AssignmentError('assignment-invalid', `${source}: unknown user "${name}"`, at('unknown'));
    return user;
  });
  return users.filter((u) => !u.disabled).map((u) => u.username);
}

/**
 * The unit id a unit-relative rule starts from: `data[unitField]`, else the case's unit; undefined
 * when neither is set; throws `assignment-invalid` for a non-string or an unknown unit.
 */
export function caseUnitId(ctx: AssignmentContext, unitField: string): string | undefined {
  const raw = readField(ctx.data, unitField);
  const value = isAbsent(raw) ? ctx.caseUnit : raw;
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') {
    throw new AssignmentError(
      'assignment-invalid',
      `field "${unitField}": expected a unit id, got ${JSON.stringify(value)}`,
      { field: unitField, expected: 'unit', problem: 'type' },
    );
  }
  if (!ctx.directory.unit(value)) {
    throw new AssignmentError('assignment-invalid', `field "${unitField}": unknown unit "${value}"`, {
      field: unitField,
      expected: 'unit',
      problem: 'unknown',
    });
  }
  return value;
}
