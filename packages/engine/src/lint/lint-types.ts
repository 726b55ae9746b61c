import type { Directory } from '../assignment';
import type { FormDefinition } from '../definition/definition-types';
import type { SchemaChecker } from '../forms/schema-checker';

/** One finding: stable code, where it is (JSON pointer into the definition), and a one-line fix hint. */
export interface LintProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  path: string;
  hint: string;
}

/** What the definition is checked against: its forms, the other processes, and optionally the directory. */
export interface LintContext {
  forms: Record<string, FormDefinition>;
  /** Process keys that exist, for `invoke`/`startChild`; omit to skip that check. */
  processes?: Set<string>;
  /** With a directory, assignment rules are checked for being satisfiable. */
  directory?: Directory;
}

/** The context the checks run with: the caller's, plus the schema checker the entry injected. */
export interface LintRun extends LintContext {
  checker: SchemaChecker;
}

/** The hint of the regex refusals (`regex-invalid`, `regex-too-large`), the same for CEL and forms. */
export const REGEX_HINT =
  'Write the pattern in RE2 syntax (no backreferences or lookaround), under 200 characters and without large counted repetitions; check lengths with maxLength';

/** Collects problems for one definition. */
export class ProblemList {
  readonly items: LintProblem[] = [];
  error(code: string, path: string, message: string, hint: string): void {
    this.items.push({ code, severity: 'error', message, path, hint });
  }
  warn(code: string, path: string, message: string, hint: string): void {
    this.items.push({ code, severity: 'warning', message, path, hint });
  }
}

/** JSON pointer of a state inside the definition (`/machine/states/a/states/b`). */
export function statePointer(stateId: string): string {
  return `/machine/states/${stateId.split('.').join('/states/')}`;
}
