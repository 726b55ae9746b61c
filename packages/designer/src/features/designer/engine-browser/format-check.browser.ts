/**
 * The engine's `checkFormat` for the browser: the same definition JSON Schema, compiled ahead of
 * time (see build/csp-safe-engine.ts), with the engine's wording of each problem.
 */
import validate from 'virtual:flowform-definition-validator';
import type { ProblemList } from '@flowform/engine';

export function checkFormat(definition: unknown, problems: ProblemList): boolean {
  if (validate(definition)) return true;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'oneOf') continue;
    const detail =
      error.keyword === 'additionalProperties' ? ` '${String(error.params.additionalProperty)}'` : '';
    const message = `${error.instancePath || '/'} ${error.message ?? 'is invalid'}${detail}`;
    if (seen.has(message)) continue;
    seen.add(message);
    problems.error(
      'format-invalid',
      error.instancePath || '/',
      message,
      'Fix the definition to match schema/definition.schema.json',
    );
  }
  return false;
}
