import type { CaseSnapshot } from './case-snapshot';
import type { CompiledDefinition } from './compiled-definition';
import { activeStateIds } from './machine-driver';

/**
 * Whether this user may cancel the case as its initiator: the definition allows it
 * (`initiatorCancel.whileIn`), the case runs, and it has not left those states yet.
 */
export function initiatorMayCancel(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
): boolean {
  const allowed = compiled.definition.initiatorCancel?.whileIn;
  if (!allowed || snap.status !== 'running' || snap.initiator !== username) return false;
  const active = new Set(activeStateIds(snap.machine.value));
  return allowed.some((id) => active.has(id));
}
