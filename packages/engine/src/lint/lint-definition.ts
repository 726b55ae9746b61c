import type { ProcessDefinition } from '../definition/definition-types';
import { createCelEnvironment } from '../expressions';
import type { SchemaChecker } from '../forms/schema-checker';
import { indexStates } from '../machine/state-index';
import { checkCaseComputed } from './computed-checks';
import { checkExclusions } from './exclusion-checks';
import { checkExpressions } from './expression-checks';
import { checkFieldSharing } from './field-sharing-checks';
import { collectEdges } from './flow-graph';
import { checkFormat } from './format-check';
import { checkGraph } from './graph-checks';
import { type LintContext, type LintProblem, type LintRun, ProblemList, statePointer } from './lint-types';
import { checkNotifyAudiences } from './notify-audience-checks';
import { checkEndOutcomes } from './outcome-checks';
import { checkReferences } from './reference-checks';
import { checkExclusionsAgainstDirectory } from './exclusion-proof';
import { checkSchedules } from './schedule-checks';
import { checkSelfApproval } from './self-approval-checks';
import { checkTasks } from './task-checks';
import { checkVoteElectorates } from './vote-electorate-proof';

/** Lints a definition against its context: its forms, the other processes, the directory. */
export type Linter = (definition: unknown, ctx: LintContext) => LintProblem[];

/**
 * Proves a definition sound before anyone publishes it: format, names, reachability, termination,
 * outcomes, assignment, returns, expressions and forms. Pure; the JSON Schema checks (the definition
 * format, each form schema) go through `checker`: ajv on Node, the interpreter in the browser.
 */
export function linterWith(checker: SchemaChecker): Linter {
  // Forms come from files or requests: a missing or malformed map means no forms, never a crash.
  return (definition, ctx) => lint(definition, { ...ctx, forms: formsOf(ctx), checker });
}

function formsOf(ctx: LintContext): LintContext['forms'] {
  const { forms } = ctx;
  return typeof forms === 'object' && forms !== null && !Array.isArray(forms) ? forms : {};
}

function lint(definition: unknown, ctx: LintRun): LintProblem[] {
  const problems = new ProblemList();
  if (!checkFormat(definition, problems, ctx.checker)) return problems.items;
  const def = definition as ProcessDefinition;
  const index = indexStates(def.machine);
  const edges = collectEdges(index, statePointer);
  checkGraph(index, def.machine.initial, edges, problems);
  checkEndOutcomes(index, problems);
  if (!index.has(def.machine.initial)) {
    problems.error(
      'unknown-initial',
      '/machine/initial',
      `Initial state '${def.machine.initial}' does not exist`,
      'Name a top-level state',
    );
  }
  checkReferences(def, index, edges, ctx, problems);
  checkTasks(def, index, edges, ctx, problems);
  checkFieldSharing(def, index, ctx, problems);
  checkExclusions(def, index, ctx, problems);
  checkNotifyAudiences(def, index, edges, ctx, problems);
  if (ctx.directory) {
    checkExclusionsAgainstDirectory(def, index, ctx.directory, problems);
    checkSelfApproval(def, index, edges, ctx.directory, ctx.forms, problems);
    checkVoteElectorates(def, index, ctx.directory, problems);
  }
  const parameters = Object.fromEntries(Object.entries(def.parameters ?? {}).map(([k, p]) => [k, p.value]));
  const cel = createCelEnvironment({ caseSchema: def.caseSchema, parameters });
  checkExpressions(def, index, edges, cel, problems);
  checkCaseComputed(def, index, edges, cel, problems);
  checkSchedules(def, problems);
  return problems.items;
}
