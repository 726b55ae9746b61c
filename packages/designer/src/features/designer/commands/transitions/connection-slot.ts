/** Where a connection from `source` goes when the caller does not say: by what the state is. */
import { type DesignDoc, stateAt, uniqueKey } from '../../model/design-doc';
import { kindOf } from '../../model/state-templates';
import type { TransitionKind } from '../../model/transitions';

export function connectionSlot(doc: DesignDoc, source: string): { kind: TransitionKind; key?: string } {
  const state = stateAt(doc, source)!;
  const kind = kindOf(state);
  if (kind === 'task') {
    const events = state.task!.outcomes.map((o) => o.event ?? o.key);
    const free = events.find((e) => !Object.hasOwn(state.on ?? {}, e));
    return { kind: 'on', key: free ?? uniqueKey('next', Object.keys(state.on ?? {})) };
  }
  if (kind === 'decision') return { kind: 'always' };
  if (kind === 'timer') return { kind: 'after', key: Object.keys(state.after ?? {})[0] ?? 'P1D' };
  if (kind === 'child') return { kind: 'invoke' };
  if (kind === 'parallel' || kind === 'group') return { kind: 'onDone' };
  return { kind: 'on', key: uniqueKey('next', Object.keys(state.on ?? {})) };
}
