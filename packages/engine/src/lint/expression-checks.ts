import type {
  ActionRef,
  AssignmentRule,
  DurationSpec,
  ProcessDefinition,
} from '../definition/definition-types';
import type { CelEnvironment } from '../expressions';
import type { StateIndex } from '../machine/state-index';
import { type FlowEdge, transitionAt } from './flow-graph';
import { type ProblemList, REGEX_HINT, statePointer } from './lint-types';

type Expected = Parameters<CelEnvironment['check']>[1];

/** Type-checks every CEL expression in the definition against the case schema and parameters. */
export function checkExpressions(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  cel: CelEnvironment,
  problems: ProblemList,
): void {
  const check = (source: string | undefined, pointer: string, expected: Expected, env = cel) => {
    if (source === undefined) return;
    const result = env.check(source, expected);
    if (!result.ok) problems.error(result.code, pointer, result.message, hintFor(result.code));
  };
  const duration = (spec: DurationSpec | undefined, pointer: string) => {
    if (spec && typeof spec === 'object' && 'days' in spec && typeof spec.days === 'string') {
      const asInt = cel.check(spec.days, 'dyn');
      if (!asInt.ok) problems.error(asInt.code, `${pointer}/days`, asInt.message, hintFor(asInt.code));
      else if (asInt.type !== 'int')
        problems.error(
          'cel-type',
          `${pointer}/days`,
          `days must be an int, got ${asInt.type}`,
          hintFor('cel-type'),
        );
    }
    if (spec && typeof spec === 'object' && 'cel' in spec) {
      const asDuration = cel.check(spec.cel, 'duration');
      if (!asDuration.ok && !cel.check(spec.cel, 'timestamp').ok)
        problems.error(asDuration.code, `${pointer}/cel`, asDuration.message, hintFor(asDuration.code));
    }
  };
  // Rules in action params (notify `to`) are free-form to the format check: anything may come here.
  const rule = (r: AssignmentRule | undefined, pointer: string): void => {
    if (typeof r !== 'object' || r === null) return;
    if (r.kind === 'cel') check(r.expr, `${pointer}/expr`, 'dyn');
    if (r.kind === 'anyOf' && Array.isArray(r.rules))
      r.rules.forEach((x, i) => {
        rule(x, `${pointer}/rules/${i}`);
      });
  };
  // The format check lets `params` out; reference-checks reports what is missing (action-params).
  const actions = (list: ActionRef[] | undefined, pointer: string) =>
    list?.forEach((a, i) => {
      const p = `${pointer}/${i}/params`;
      if (a.type === 'assignCel') check(a.params?.expr, `${p}/expr`, 'dyn');
      if (a.type === 'startChild') {
        const forEach = a.params?.forEach;
        check(forEach, `${p}/forEach`, 'dyn');
        // Inputs see `item` typed as an element of the forEach list (dyn if that does not compile).
        const inputs = forEach && cel.check(forEach).ok ? cel.forEachItem(forEach) : cel;
        for (const [k, v] of Object.entries(a.params?.input ?? {}))
          check(v, `${p}/input/${k}`, 'dyn', inputs);
      }
      if (a.type === 'directoryChange') {
        check(a.params?.unit, `${p}/unit`, 'string');
        check(a.params?.user, `${p}/user`, 'string');
      }
      if (a.type === 'notify') rule(a.params?.to, `${p}/to`);
    });
  for (const edge of edges) {
    const spec = transitionAt(def, edge.pointer);
    if (spec?.guard?.type === 'cel')
      check(spec.guard.params?.expr, `${edge.pointer}/guard/params/expr`, 'bool');
    actions(spec?.actions, `${edge.pointer}/actions`);
  }
  for (const [id, info] of index) {
    const base = statePointer(id);
    actions(info.def.entry, `${base}/entry`);
    actions(info.def.exit, `${base}/exit`);
    for (const [k, v] of Object.entries(info.def.invoke?.input ?? {}))
      check(v, `${base}/invoke/input/${k}`, 'dyn');
    const task = info.def.task;
    if (!task) continue;
    duration(task.due, `${base}/task/due`);
    task.reminders?.forEach((r, i) => {
      duration(r, `${base}/task/reminders/${i}`);
    });
    duration(task.escalation?.after, `${base}/task/escalation/after`);
    rule(task.assignment, `${base}/task/assignment`);
    for (const [op, r] of Object.entries(task.reach ?? {})) rule(r, `${base}/task/reach/${op}`);
    const many = task.multiInstance;
    if (many) {
      check(many.forEach, `${base}/task/multiInstance/forEach`, 'dyn');
      // `notPerformedBy` sees `item` typed as an element of the forEach list, as startChild inputs do.
      const items = cel.check(many.forEach).ok ? cel.forEachItem(many.forEach) : cel;
      check(many.notPerformedBy, `${base}/task/multiInstance/notPerformedBy`, 'string', items);
      check(many.assignee, `${base}/task/multiInstance/assignee`, 'dyn', items);
    }
  }
  for (const [k, spec] of Object.entries(def.machine.delays ?? {})) duration(spec, `/machine/delays/${k}`);
  rule(def.starters, '/starters');
  def.confidential?.alsoVisibleTo?.forEach((r, i) => {
    rule(r, `/confidential/alsoVisibleTo/${i}`);
  });
  for (const [field, visibility] of Object.entries(def.fieldVisibility ?? {}))
    visibility.audience.forEach((entry, i) => {
      if (entry.kind !== 'participants' && entry.kind !== 'confidentialGroup')
        rule(entry, `/fieldVisibility/${field}/audience/${i}`);
    });
}

/** The hint for an expression problem code, shared with the schedule checks. */
export function hintFor(code: string): string {
  if (code.startsWith('regex-')) return REGEX_HINT;
  if (code === 'cel-unknown-field')
    return 'Use a field of caseSchema (data.<field>) or a parameter (params.<name>)';
  if (code === 'cel-too-large') return 'Keep expressions under 2 KB, 500 nodes and depth 32';
  if (code === 'cel-syntax') return 'Fix the CEL syntax (see https://github.com/google/cel-spec)';
  if (code === 'cel-dyn')
    return 'Type the field in caseSchema (or the forEach list items) so the operation is known to apply';
  if (code === 'cel-ambiguous')
    return 'Add parentheses: in CEL, < <= > >= == != and in share one precedence and group from the left';
  if (code === 'cel-unsupported')
    return 'Rewrite it with the supported CEL subset (see the expressions README)';
  return 'Make the expression type-check against the case schema';
}
