/**
 * Due dates for tasks, reminders and escalations. A `DurationSpec` is an ISO 8601 duration added to
 * `now`, or a CEL expression returning a duration (added to `now`) or a timestamp (used as is).
 * `now` comes from the command, so replaying a command yields the same due date.
 */
import type { CelEnvironment, CelVariables } from './cel-environment-types';
import { ExpressionError } from './expression-error';
import { parseIsoDuration } from './iso-duration';
import { parseIsoTimestamp } from './iso-timestamp';

function toIso(ms: number, source: string): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) {
    throw new ExpressionError('cel-runtime', 'due date is out of range', source);
  }
  return date.toISOString();
}

function fromCel(source: string, env: CelEnvironment, vars: CelVariables, nowMs: number): string {
  const compiled = env.compile(source);
  const { type } = compiled;
  const wrongType = (got: string) =>
    new ExpressionError('cel-type', `due expression must return a duration or timestamp, got ${got}`, source);
  if (type !== 'duration' && type !== 'timestamp' && type !== 'dyn') throw wrongType(type);
  const value = compiled.evaluate(vars);
  if (type === 'duration') return toIso(nowMs + (value as number), source);
  // A timestamp arrives as an ISO string; a `dyn` result must be one too (a bare number is ambiguous).
  const at = parseIsoTimestamp(value);
  if (!at) throw wrongType(type === 'dyn' ? typeof value : type);
  return toIso(at.getTime(), source);
}

/** Resolves a duration spec against `vars.now` to an ISO timestamp; throws ExpressionError. */
export function resolveDueAt(
  spec: string | { cel: string },
  env: CelEnvironment,
  vars: CelVariables,
): string {
  const source = typeof spec === 'string' ? spec : String(spec?.cel);
  const now = parseIsoTimestamp(vars.now);
  if (!now) throw new ExpressionError('cel-runtime', `now is not an ISO 8601 timestamp: ${vars.now}`, source);
  if (typeof spec === 'string') {
    const ms = parseIsoDuration(spec);
    if (ms === undefined) {
      throw new ExpressionError(
        'cel-syntax',
        `'${spec}' is not an ISO 8601 duration (P3D, PT4H, P1DT2H30M, P2W)`,
        spec,
      );
    }
    return toIso(now.getTime() + ms, source);
  }
  if (typeof spec?.cel !== 'string') {
    throw new ExpressionError('cel-syntax', 'due spec needs a cel string', source);
  }
  return fromCel(spec.cel, env, vars, now.getTime());
}
