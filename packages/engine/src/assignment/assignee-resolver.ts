/**
 * Resolves a task's assignment rule to candidates when the task is created, applying the state's
 * empty policy so a task never silently goes to nobody.
 */
import type { AssignmentRule, EmptyAssignmentPolicy } from '../definition/definition-types';
import type { AssignmentContext } from './assignment-context';
import { AssignmentError } from './assignment-error';
import { type CandidateSet, candidateSet, expandCandidates } from './candidate-set';
import { ruleCandidates } from './rule-candidates';

/**
 * The outcome: candidates (with `fallback` set when someone stood in: the administrators, or the
 * index of the task's `onEmpty.fallback` rule used), or skip the task.
 */
export type Resolution =
  | { kind: 'candidates'; candidates: CandidateSet; fallback?: 'admins' | number }
  | { kind: 'skip' };

/**
 * Resolves `rule`. When nobody active matches, `onEmpty` decides: `admins` (default) offers the task to
 * the active administrators (and throws `assignment-empty` if there are none), `skip` skips the task,
 * `error` throws `assignment-empty`. Invalid rules or case data throw `assignment-invalid`.
 */
export function resolveAssignment(
  rule: AssignmentRule,
  ctx: AssignmentContext,
  onEmpty: EmptyAssignmentPolicy = 'admins',
): Resolution {
  const candidates = ruleCandidates(rule, ctx);
  if (expandCandidates(candidates, ctx.directory).length > 0) return { kind: 'candidates', candidates };
  if (onEmpty === 'skip') return { kind: 'skip' };
  if (onEmpty === 'admins') {
    const admins = ctx.directory.administrators();
    if (admins.length > 0)
      return { kind: 'candidates', candidates: candidateSet(admins), fallback: 'admins' };
    throw new AssignmentError(
      'assignment-empty',
      'nobody matches the rule and there is no active administrator',
    );
  }
  throw new AssignmentError('assignment-empty', 'nobody matches the assignment rule');
}
