import { Ajv2020 } from 'ajv/dist/2020.js';
import definitionSchema from '../../schema/definition.schema.json' with { type: 'json' };
import type { ProblemList } from './lint-types';

let validate: ReturnType<Ajv2020['compile']> | undefined;

/** Checks the JSON against the published definition schema; later checks assume it passed. */
export function checkFormat(definition: unknown, problems: ProblemList): boolean {
  validate ??= new Ajv2020({ allErrors: true, strict: false }).compile(definitionSchema);
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
