/**
 * The candidates one assignment rule names, before the empty policy is applied: one small function
 * per rule kind, so each reads like its definition.
 */
import type { AssignmentRule } from '../definition/definition-types';
import type { AssignmentContext } from './assignment-context';
import { AssignmentError } from './assignment-error';
import { type CandidateSet, candidateSet, mergeCandidates } from './candidate-set';
import { activeUsernames, caseUnitId, readField } from './case-values';
import { contractingUsers } from './contracting';
import { ancestor, nearestUnitWithHolders } from './unit-walk';

const NOBODY: CandidateSet = { users: [], roles: [] };

function roleCandidate(rule: { role: string; unit: string }, ctx: AssignmentContext): CandidateSet {
  if (!ctx.directory.unit(rule.unit)) {
    throw new AssignmentError('assignment-invalid', `role "${rule.role}": unknown unit "${rule.unit}"`);
  }
  return candidateSet([], [{ role: rule.role, unit: rule.unit }]);
}

function roleInCaseUnit(rule: { role: string; unitField: string; up?: number }, ctx: AssignmentContext) {
  const start = caseUnitId(ctx, rule.unitField);
  const from = start && ancestor(ctx.directory, start, rule.up ?? 0);
  const unit = from && nearestUnitWithHolders(ctx.directory, rule.role, from);
  return unit ? candidateSet([], [{ role: rule.role, unit }]) : NOBODY;
}

function celCandidates(expr: string, ctx: AssignmentContext): CandidateSet {
  if (!ctx.evalCel) {
    throw new AssignmentError('assignment-invalid', `cel rule "${expr}": no expression evaluator given`);
  }
  return candidateSet(activeUsernames(ctx.evalCel(expr), `cel "${expr}"`, ctx.directory));
}

/** The candidates `rule` names in `ctx`: disabled users removed, possibly empty; throws when invalid. */
export function ruleCandidates(rule: AssignmentRule, ctx: AssignmentContext): CandidateSet {
  const { directory } = ctx;
  switch (rule.kind) {
    case 'users':
      return candidateSet(activeUsernames(rule.users, 'users', directory));
    case 'role':
      return roleCandidate(rule, ctx);
    case 'roleInCaseUnit':
      return roleInCaseUnit(rule, ctx);
    case 'contractingLeader': {
      const unit = caseUnitId(ctx, rule.unitField);
      return unit ? candidateSet(contractingUsers(directory, unit)) : NOBODY;
    }
    case 'initiator':
      return candidateSet(activeUsernames(ctx.initiator, 'initiator', directory));
    case 'initiatorSuperior': {
      const superior = directory.superiorOf(ctx.initiator);
      return candidateSet(activeUsernames(superior, 'initiator superior', directory));
    }
    case 'performerOf': {
      const performers = ctx.performers[rule.state] ?? [];
      return candidateSet(performers.filter((u) => directory.user(u)?.disabled === false));
    }
    case 'field':
      return candidateSet(
        activeUsernames(readField(ctx.data, rule.field), `field "${rule.field}"`, directory, rule.field),
      );
    case 'cel':
      return celCandidates(rule.expr, ctx);
    case 'anyOf':
      return mergeCandidates(rule.rules.map((r) => ruleCandidates(r, ctx)));
    default:
      throw new AssignmentError(
        'assignment-invalid',
        `unknown rule kind "${(rule as { kind: unknown }).kind}"`,
      );
  }
}
