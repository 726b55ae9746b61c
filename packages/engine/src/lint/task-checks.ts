import { checkRuleSatisfiable } from '../assignment';
import type { AssignmentRule, DurationSpec, ProcessDefinition } from '../definition/definition-types';
import { parseWorkingDays } from '../calendar';
import { parseIsoDuration } from '../expressions';
import { ancestorsOf, type StateIndex } from '../machine/state-index';
import { validateVoteRule } from '../voting';
import { type FlowEdge, reachable, successors } from './flow-graph';
import { type LintContext, type ProblemList, statePointer } from './lint-types';

/** User-task checks: outcomes handled, votes well-formed, returns go back, durations valid, people found. */
export function checkTasks(
  def: ProcessDefinition,
  index: StateIndex,
  edges: FlowEdge[],
  ctx: LintContext,
  problems: ProblemList,
): void {
  const forward = successors(index, edges, false);
  for (const [id, info] of index) {
    const task = info.def.task;
    const base = statePointer(id);
    if (info.def.invoke && info.kind !== 'atomic') {
      problems.error(
        'invoke-not-atomic',
        `${base}/invoke`,
        `Child process on non-atomic state '${id}'`,
        'Put the invoke on a simple state',
      );
    }
    if (!task) continue;
    if (info.kind !== 'atomic') {
      problems.error(
        'task-not-atomic',
        `${base}/task`,
        `User task on ${info.kind} state '${id}'`,
        'Move the task (and any voting) onto a simple state',
      );
    }
    const handled = new Set(ancestorsOf(index, id).flatMap((a) => Object.keys(index.get(a)!.def.on ?? {})));
    const keys = new Set<string>();
    task.outcomes.forEach((o, i) => {
      if (keys.has(o.key))
        problems.error(
          'duplicate-outcome',
          `${base}/task/outcomes/${i}`,
          `Outcome '${o.key}' appears twice`,
          'Give each outcome a unique key',
        );
      keys.add(o.key);
      const event = o.event ?? o.key;
      if (!handled.has(event)) {
        problems.error(
          'unhandled-outcome',
          `${base}/task/outcomes/${i}`,
          `Outcome '${o.key}' sends '${event}' but no transition of '${id}' or its ancestors handles it`,
          `Add "on": { "${event}": … } to the state`,
        );
      }
    });
    if (task.voting) {
      for (const message of validateVoteRule(task.voting)) {
        problems.error('voting-invalid', `${base}/task/voting`, message, 'Fix the voting rule');
      }
      for (const which of ['approveOutcome', 'rejectOutcome'] as const) {
        if (!keys.has(task.voting[which])) {
          problems.error(
            'voting-outcome-unknown',
            `${base}/task/voting/${which}`,
            `Voting ${which} '${task.voting[which]}' is not an outcome of the task`,
            'Name one of the task outcomes',
          );
        }
      }
    }
    if (task.multiInstance && (!task.responses || task.voting)) {
      problems.error(
        'multi-instance-invalid',
        `${base}/task/multiInstance`,
        task.voting
          ? `Task '${id}' is both a vote and a multi-instance task`
          : `Multi-instance task '${id}' does not collect its answers (no 'responses' field)`,
        task.voting
          ? 'Use voting (one decision by several) or multiInstance (one answer per element), not both'
          : 'Name an array case field in "responses": every instance adds its entry with its item',
      );
    }
    if (task.escalation?.sendOutcome && !keys.has(task.escalation.sendOutcome)) {
      problems.error(
        'unknown-outcome',
        `${base}/task/escalation/sendOutcome`,
        `Escalation outcome '${task.escalation.sendOutcome}' is not an outcome of the task`,
        'Name one of the task outcomes',
      );
    }
    (task.returnTargets ?? []).forEach((target, i) => {
      const pointer = `${base}/task/returnTargets/${i}`;
      if (!index.has(target)) return;
      const earlier = target !== id && index.get(target)?.def.task && reachable(forward, [target]).has(id);
      if (!earlier) {
        problems.error(
          'return-target-not-earlier',
          pointer,
          `'${target}' is not an earlier task step of '${id}'`,
          'Return only to a task state that leads to this one',
        );
      }
    });
    if (task.returnTargets?.length && !task.operations?.includes('return')) {
      problems.warn(
        'return-not-allowed',
        `${base}/task/operations`,
        `Task '${id}' declares return targets but not the 'return' operation`,
        'Add "return" to operations',
      );
    }
    checkDuration(task.due, `${base}/task/due`, problems);
    task.reminders?.forEach((r, i) => {
      checkDuration(r, `${base}/task/reminders/${i}`, problems);
    });
    checkDuration(task.escalation?.after, `${base}/task/escalation/after`, problems);
    checkRule(task.assignment, `${base}/task/assignment`, index, ctx, problems);
    if (task.escalation?.reassignTo)
      checkRule(task.escalation.reassignTo, `${base}/task/escalation/reassignTo`, index, ctx, problems);
    if (task.cc) checkRule(task.cc, `${base}/task/cc`, index, ctx, problems);
    for (const [op, rule] of Object.entries(task.reach ?? {}))
      checkRule(rule, `${base}/task/reach/${op}`, index, ctx, problems);
    checkDuration(task.urgeInterval, `${base}/task/urgeInterval`, problems);
  }
  for (const [id, info] of index) {
    for (const key of Object.keys(info.def.after ?? {})) {
      const named = def.machine.delays?.[key];
      if (!named && parseIsoDuration(key) === undefined && parseWorkingDays(key) === undefined) {
        problems.error(
          'invalid-duration',
          `${statePointer(id)}/after/${key}`,
          `'${key}' is neither an ISO 8601 duration, working days nor a named delay`,
          'Use e.g. "P3D", "PT4H", "P3WD", or a key of machine.delays',
        );
      }
    }
  }
  for (const [key, spec] of Object.entries(def.machine.delays ?? {}))
    checkDuration(spec, `/machine/delays/${key}`, problems);
  checkRule(def.starters, '/starters', index, ctx, problems);
}

function checkDuration(spec: DurationSpec | undefined, pointer: string, problems: ProblemList): void {
  if (typeof spec !== 'string') return;
  if (parseIsoDuration(spec) === undefined && parseWorkingDays(spec) === undefined) {
    problems.error(
      'invalid-duration',
      pointer,
      `'${spec}' is not a valid ISO 8601 duration`,
      'Use e.g. "P3D", "PT4H", "P1DT12H", "P3WD" (working days), or {"cel": …}',
    );
  }
}

/** An assignment rule: `performerOf` names a task state, and someone in the directory matches it. */
export function checkRule(
  rule: AssignmentRule,
  pointer: string,
  index: StateIndex,
  ctx: LintContext,
  problems: ProblemList,
): void {
  if (rule.kind === 'anyOf') {
    rule.rules.forEach((r, i) => {
      checkRule(r, `${pointer}/rules/${i}`, index, ctx, problems);
    });
    return;
  }
  if (rule.kind === 'performerOf' && !index.get(rule.state)?.def.task) {
    problems.error(
      'unknown-state',
      `${pointer}/state`,
      `'${rule.state}' is not a task state`,
      'Name a state that has a user task',
    );
  }
  if (!ctx.directory) return;
  const result = checkRuleSatisfiable(rule, ctx.directory);
  if (!result.ok) {
    problems.error(
      'assignment-unsatisfiable',
      pointer,
      `Nobody in the directory matches: ${result.reason ?? rule.kind}`,
      'Pick a role and unit that someone holds, or existing users',
    );
  }
}
