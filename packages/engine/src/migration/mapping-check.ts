import type { CaseMapping } from '../stepping/commands';
import type { DefinitionBundle } from '../definition/definition-types';
import type { LintProblem } from '../lint/lint-types';
import { indexStates } from '../machine/state-index';
import { restingStates } from './mapping-proposal';

/** The stable codes of a mapping's problems (lint-style; the API answers them 422 with their paths). */
export const MIGRATION_PROBLEM_CODES = [
  'migration-unmapped-state',
  'migration-target-unknown',
  'migration-target-final',
  'migration-source-unknown',
  'migration-vote-policy',
  'migration-same-version',
] as const;

const HINTS: Record<(typeof MIGRATION_PROBLEM_CODES)[number], string> = {
  'migration-unmapped-state': 'Choose a state of the new version for cases resting in this one',
  'migration-target-unknown': 'Choose a state the new version has',
  'migration-target-final': 'Choose a state where the case waits for work, not one that ends it',
  'migration-source-unknown': 'Map only states of the version the cases run on',
  'migration-vote-policy': "Declare 'carry' or 'restart', only for a state that holds a vote",
  'migration-same-version': 'Choose another version to migrate to',
};

/**
 * Checks a mapping before any case moves: every state a case can rest in maps somewhere the new
 * version has, where a case can wait (never a final state), so no case is stranded. Paths point into
 * the mapping (`/states/payment`, `/votes/review`).
 */
export function checkMapping(
  from: DefinitionBundle,
  to: DefinitionBundle,
  mapping: Pick<CaseMapping, 'states' | 'votes'>,
): LintProblem[] {
  const problems: LintProblem[] = [];
  const add = (code: keyof typeof HINTS, path: string, message: string) =>
    problems.push({ code, severity: 'error', path, message, hint: HINTS[code] });
  if ((from.version ?? 1) === (to.version ?? 1) && from.definition.key === to.definition.key)
    add('migration-same-version', '/to', `Both sides are version ${from.version ?? 1}`);
  const before = indexStates(from.definition.machine);
  const after = indexStates(to.definition.machine);
  for (const [source, target] of Object.entries(mapping.states)) {
    const path = `/states/${pointerSegment(source)}`;
    if (!before.has(source))
      add('migration-source-unknown', path, `Version ${from.version ?? 1} has no state '${source}'`);
    const info = after.get(target);
    if (!info) add('migration-target-unknown', path, `Version ${to.version ?? 1} has no state '${target}'`);
    else if (info.kind === 'final' || info.kind === 'history')
      add('migration-target-final', path, `'${target}' is a ${info.kind} state: cases would not wait there`);
  }
  for (const source of restingStates(before)) {
    if (source in mapping.states) continue;
    const kind = after.get(source)?.kind;
    if (kind === 'final' || kind === 'history')
      add(
        'migration-target-final',
        `/states/${pointerSegment(source)}`,
        `'${source}' is a ${kind} state in version ${to.version ?? 1}`,
      );
    if (kind) continue;
    add(
      'migration-unmapped-state',
      `/states/${pointerSegment(source)}`,
      `'${source}' is not in version ${to.version ?? 1} and has no target`,
    );
  }
  for (const [source, policy] of Object.entries(mapping.votes ?? {})) {
    const path = `/votes/${pointerSegment(source)}`;
    if (policy !== 'carry' && policy !== 'restart')
      add('migration-vote-policy', path, `Unknown policy '${String(policy)}'`);
    else if (!before.get(source)?.def.task?.voting)
      add('migration-vote-policy', path, `'${source}' holds no vote`);
  }
  return problems;
}

/** A JSON pointer segment. */
function pointerSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
