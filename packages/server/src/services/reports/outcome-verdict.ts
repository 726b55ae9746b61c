import type { CaseOutcome, LocalizedText, StateDef } from '@flowform/engine';
import type { ServerContext } from '../../server-context';

/** Final-state ids and names that mean "no", for a version published before outcomes were declared. */
const REJECTING_ID = /reject|dismiss|not-?pursu|no-?reward|abandon|refus|declin|deni|deny/i;
const REJECTING_NAME = /不予|未批准|不同意|驳回|不批准/;
const WITHDRAWN = /withdr|撤回|撤销/i;

/**
 * How a case ended, as its process declares it on the final state (`outcome`); a cancelled case is
 * `cancelled`. A final state without a declared outcome (a version published before lint required
 * one) is judged by its id and names: "rejected", "dismissed", "不予追究" are rejected, "withdrawn"
 * withdrawn, the rest completed.
 */
export function outcomeVerdict(
  status: string,
  declared: CaseOutcome | undefined,
  finalState: string,
  name: LocalizedText | undefined,
): CaseOutcome {
  if (status !== 'completed') return 'cancelled';
  if (declared) return declared;
  const said = [finalState, name?.en ?? '', name?.['zh-CN'] ?? ''];
  if (said.some((s) => WITHDRAWN.test(s))) return 'withdrawn';
  if (said.slice(0, 2).some((s) => REJECTING_ID.test(s)) || REJECTING_NAME.test(said[2]!)) return 'rejected';
  return 'completed';
}

/** The outcome each top-level final state declares, per process (latest version), as `key/state`. */
export async function declaredOutcomes(
  ctx: ServerContext,
  keys: Iterable<string>,
): Promise<Map<string, CaseOutcome>> {
  const outcomes = new Map<string, CaseOutcome>();
  for (const key of keys) {
    const version = await ctx.runtime.definitions.latestVersion(key);
    if (version === undefined) continue;
    const { definition } = await ctx.runtime.definitions.get(key, version);
    for (const [id, state] of Object.entries<StateDef>(definition.machine.states))
      if (state.type === 'final' && state.outcome) outcomes.set(`${key}/${id}`, state.outcome);
  }
  return outcomes;
}
