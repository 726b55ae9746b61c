/** Delete, copy, paste and select-all on the canvas selection, each one undo step. */
import { copyStates } from '../commands/elements/clipboard';
import type { Clipboard } from '../commands/elements/element-params';
import { keyOf, parentOf, stateAt } from '../model/design-doc';
import { stateIndex } from '../model/state-graph';
import { parseTransitionId, type TransitionRef } from '../model/transitions';
import type { DesignerState } from '../state/designer-context';

let clipboard: Clipboard | undefined;

export function deleteSelection(d: DesignerState): void {
  const transitions = d.selection.transitions.map(parseTransitionId).filter((t): t is TransitionRef => !!t);
  if (!d.selection.states.length && !transitions.length) return;
  if (d.modeling.deleteElements(d.selection.states, transitions)) d.select({ states: [], transitions: [] });
}

export function copySelection(d: DesignerState): void {
  const states = d.selection.states.filter((id) => stateAt(d.doc, id));
  const parent = parentOf(states[0] ?? '');
  const siblings = states.filter((id) => parentOf(id) === parent);
  if (siblings.length)
    clipboard = copyStates(siblings.map((id) => ({ key: keyOf(id), def: stateAt(d.doc, id)! })));
}

export function pasteClipboard(d: DesignerState): void {
  if (!clipboard) return;
  const created = d.modeling.paste(clipboard);
  if (created) d.select({ states: created, transitions: [] });
}

export function selectAll(d: DesignerState): void {
  d.select({ states: [...stateIndex(d.doc).keys()], transitions: [] });
}
