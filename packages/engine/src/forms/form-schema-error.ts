import type { SchemaProblem } from './form-types';

/** Thrown instead of compiling a schema that is unsafe or invalid, so callers see every problem at once. */
export class FormSchemaError extends Error {
  override readonly name = 'FormSchemaError';
  readonly problems: SchemaProblem[];

  constructor(problems: SchemaProblem[]) {
    const summary = problems.map((p) => `${p.code} at '${p.path}': ${p.message}`).join('; ');
    super(`Form schema rejected: ${summary}`);
    this.problems = problems;
  }
}
