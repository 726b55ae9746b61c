/** Where a new state goes given the selected one: after it, or into a branch it is. */
import { type DesignDoc, parentOf, stateAt } from '../../model/design-doc';

export function placement(
  doc: DesignDoc,
  selected: string | undefined,
): { parent?: string; after?: string; into?: string } {
  const state = selected ? stateAt(doc, selected) : undefined;
  if (!selected || !state) return {};
  const parent = parentOf(selected);
  if (state.states && state.type !== 'parallel') return { parent: selected, into: selected };
  if (state.type === 'final') return parent ? { parent } : {};
  return { ...(parent ? { parent } : {}), after: selected };
}
