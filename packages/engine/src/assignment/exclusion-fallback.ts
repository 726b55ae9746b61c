/**
 * Candidates minus the people a task's exclusions keep off it, and the task's `onEmpty` when that
 * leaves nobody: fallback rules tried in order (each minus the same people), then the administrators.
 */
import type { AssignmentRule, OnEmptyDef } from '../definition/definition-types';
import type { Resolution } from './assignee-resolver';
import type { AssignmentContext } from './assignment-context';
import { AssignmentError } from './assignment-error';
import { type CandidateSet, candidateSet, expandCandidates } from './candidate-set';
import type { Directory } from './directory';
import { ruleCandidates } from './rule-candidates';

/**
 * `candidates` without the `excluded` people. Roles stay roles while none of their current holders is
 * excluded (so a directory change still reaches the task); otherwise the set becomes the remaining
 * people by name, which is what an inbox and a claim can then honour.
 */
export function withoutExcluded(
  candidates: CandidateSet,
  excluded: readonly string[],
  directory: Directory,
): CandidateSet {
  if (excluded.length === 0) return candidates;
  const people = expandCandidates(candidates, directory);
  if (!people.some((u) => excluded.includes(u))) return candidates;
  return candidateSet(people.filter((u) => !excluded.includes(u)));
}

const someone = (c: CandidateSet, directory: Directory) => expandCandidates(c, directory).length > 0;

/**
 * Resolves a task's people with separation of duties: the assignment rule minus `excluded`; when
 * that is nobody, `onEmpty` decides — `skip`, `error` (throws `assignment-empty`), `admins`
 * (default), or `{ fallback }`: each rule in order minus `excluded`, then the administrators. The
 * administrators, too, are offered the task minus `excluded`; if none is left, `assignment-empty`.
 * `fallback` in the result says who stood in: `'admins'`, or the index of the fallback rule used.
 */
export function resolveWithExclusions(
  task: { assignment: AssignmentRule; onEmpty?: OnEmptyDef },
  ctx: AssignmentContext,
  excluded: readonly string[],
): Resolution {
  const { directory } = ctx;
  const first = withoutExcluded(ruleCandidates(task.assignment, ctx), excluded, directory);
  if (someone(first, directory)) return { kind: 'candidates', candidates: first };
  const onEmpty = task.onEmpty ?? 'admins';
  if (onEmpty === 'skip') return { kind: 'skip' };
  if (onEmpty === 'error')
    throw new AssignmentError('assignment-empty', 'nobody matches the assignment rule');
  const fallbacks = typeof onEmpty === 'object' ? onEmpty.fallback : [];
  for (const [index, rule] of fallbacks.entries()) {
    const candidates = withoutExcluded(ruleCandidates(rule, ctx), excluded, directory);
    if (someone(candidates, directory)) return { kind: 'candidates', candidates, fallback: index };
  }
  const admins = directory.administrators().filter((u) => !excluded.includes(u));
  if (admins.length > 0) return { kind: 'candidates', candidates: candidateSet(admins), fallback: 'admins' };
  throw new AssignmentError(
    'assignment-empty',
    'nobody matches the rule or its fallbacks and there is no active administrator who may act',
  );
}
