import type { StateIndex } from '../machine/state-index';
import { type ProblemList, statePointer } from './lint-types';

/**
 * Every top-level final state says how a case that ends there ended (`approved`, `rejected` …), so
 * badges, lists and notifications never call a rejected case "completed". Nested final states only
 * end their region, so an outcome there would mean nothing and is refused too.
 */
export function checkEndOutcomes(index: StateIndex, problems: ProblemList): void {
  for (const [id, info] of index) {
    const ends = info.kind === 'final' && !info.parent;
    if (ends && !info.def.outcome) {
      problems.error(
        'final-outcome-missing',
        statePointer(id),
        `Final state '${id}' does not say how a case that ends there ended`,
        'Add "outcome": one of approved, rejected, withdrawn, cancelled, completed',
      );
    } else if (!ends && info.def.outcome) {
      problems.error(
        'outcome-not-final',
        `${statePointer(id)}/outcome`,
        `State '${id}' declares an outcome but does not end the case`,
        'Move "outcome" to a top-level final state',
      );
    }
  }
}
