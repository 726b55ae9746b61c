/**
 * Delegation rules: whom a people-moving operation (转办 transfer, 委派 delegate, 加签 addSigner,
 * 抄送 cc) may reach, and who may open a confidential case it hands on. The default reach is the
 * people the task's own assignment rule admits now; `task.reach[op]` widens it. On a confidential
 * case a delegate or a copied person must already be entitled to open the case.
 */
import { AssignmentError, expandCandidates, resolveAssignment } from '../assignment';
import type { AssignmentRule, OperationReach } from '../definition/definition-types';
import { ExpressionError } from '../expressions';
import { assignmentContext } from './assignment-context';
import type { TaskRecord } from './case-snapshot';
import { caseVisibility } from './case-visibility';
import { taskDef } from './compiled-definition';
import type { StepWork } from './step-context';
import { StepError } from './step-error';

/** An operation that moves a task or a case to more people. */
export type ReachingOperation = keyof OperationReach;

const OPERATION_NAMES: Record<ReachingOperation, { 'zh-CN': string; en: string }> = {
  transfer: { 'zh-CN': '转办', en: 'transfer' },
  delegate: { 'zh-CN': '委派', en: 'delegate' },
  addSigner: { 'zh-CN': '加签', en: 'add signer' },
  cc: { 'zh-CN': '抄送', en: 'copy' },
};

/** The people `op` on `task` may reach now: its assignment rule's people plus the definition's widening. */
export function reachOf(work: StepWork, task: TaskRecord, op: ReachingOperation): Set<string> {
  const def = taskDef(work.compiled, task.stateId);
  const rules: AssignmentRule[] = [def.assignment, ...(def.reach?.[op] ? [def.reach[op]] : [])];
  const people = new Set<string>();
  for (const rule of rules) {
    for (const user of peopleOf(work, rule)) people.add(user);
  }
  return people;
}

function peopleOf(work: StepWork, rule: AssignmentRule): string[] {
  try {
    const resolution = resolveAssignment(rule, assignmentContext(work), 'skip');
    if (resolution.kind === 'skip') return [];
    return expandCandidates(resolution.candidates, work.opts.directory);
  } catch (error) {
    // A rule the case data cannot resolve reaches nobody; it never widens the reach.
    if (error instanceof AssignmentError || error instanceof ExpressionError) return [];
    throw error;
  }
}

/**
 * Refuses `op` unless every user is within its reach (`outside-reach`, naming them), and, on a
 * confidential case, for a delegate or a copy, unless each may already open the case
 * (`not-entitled`). The system and a replay are not checked (the command was accepted once).
 */
export function requireReach(
  work: StepWork,
  task: TaskRecord | undefined,
  op: ReachingOperation,
  users: readonly string[],
): void {
  const { actor, replay, locale } = work.opts;
  if (actor.system || replay) return;
  const name = OPERATION_NAMES[op][locale];
  if (task) {
    const reach = reachOf(work, task, op);
    const outside = users.filter((u) => !reach.has(u));
    if (outside.length > 0) {
      const list = outside.join(locale === 'en' ? ', ' : '、');
      throw new StepError(
        'outside-reach',
        locale === 'en'
          ? `This task's ${name} may not reach ${list}: only the people its assignment admits, or the definition's reach`
          : `此任务的${name}不能交给 ${list}：只能交给本环节办理人范围内或流程定义允许的人员`,
        { operation: op, users: outside },
      );
    }
  }
  if (op !== 'cc' && op !== 'delegate') return;
  if (!work.compiled.definition.confidential?.enabled) return;
  const { directory } = work.opts;
  const unentitled = users.filter((u) => !caseVisibility(work.compiled, work.snap, u, directory));
  if (unentitled.length > 0) {
    const list = unentitled.join(locale === 'en' ? ', ' : '、');
    throw new StepError(
      'not-entitled',
      locale === 'en'
        ? `This case is confidential and ${list} may not open it, so it cannot be handed to them (${name})`
        : `本案件为保密案件，${list} 无权查阅，不能${name}`,
      { operation: op, users: unentitled },
    );
  }
}
