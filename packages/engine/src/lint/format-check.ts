import definitionSchema from '../../schema/definition.schema.json' with { type: 'json' };
import type { SchemaChecker } from '../forms/schema-checker';
import type { ProblemList } from './lint-types';

/** Checks the JSON against the published definition schema; later checks assume it passed. */
export function checkFormat(definition: unknown, problems: ProblemList, checker: SchemaChecker): boolean {
  const errors = checker.trusted(definitionSchema)(definition);
  if (errors.length === 0) return true;
  const seen = new Set<string>();
  for (const error of errors) {
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
