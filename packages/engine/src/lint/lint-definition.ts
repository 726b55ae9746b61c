import type { ProcessDefinition } from '../definition/definition-types';
import { createCelEnvironment } from '../expressions';
import { indexStates } from '../machine/state-index';
import { checkExpressions } from './expression-checks';
import { collectEdges } from './flow-graph';
import { checkFormat } from './format-check';
import { checkGraph } from './graph-checks';
import { type LintContext, type LintProblem, ProblemList, statePointer } from './lint-types';
import { checkReferences } from './reference-checks';
import { checkTasks } from './task-checks';

/**
 * Proves a definition sound before anyone publishes it: format, names, reachability, termination,
 * outcomes, assignment, returns, expressions and forms. Pure; runs in the browser and the CLI alike.
 */
export function lintDefinition(definition: unknown, ctx: LintContext): LintProblem[] {
  const problems = new ProblemList();
  if (!checkFormat(definition, problems)) return problems.items;
  const def = definition as ProcessDefinition;
  const index = indexStates(def.machine);
  const edges = collectEdges(index, statePointer);
  checkGraph(index, def.machine.initial, edges, problems);
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
  const parameters = Object.fromEntries(Object.entries(def.parameters ?? {}).map(([k, p]) => [k, p.value]));
  const cel = createCelEnvironment({ caseSchema: def.caseSchema, parameters });
  checkExpressions(def, index, edges, cel, problems);
  return problems.items;
}
