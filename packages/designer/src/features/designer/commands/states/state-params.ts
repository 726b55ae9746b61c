/** Params of the commands on states. */
import type { CaseOutcome, LocalizedText, StateDef } from '@flowform/engine/browser';
import type { PaletteKind } from '../../model/state-templates';

export interface AddStateParams {
  /** The compound state to add into; the machine's top level when absent. */
  parent?: string;
  kind?: PaletteKind;
  /** The wished key; a behaviour makes it unique among the siblings. */
  key?: string;
  name?: LocalizedText;
  /** The whole state (a paste); else the palette's template for `kind`. */
  def?: StateDef;
  /** Set by the command: the id of the new state. */
  created?: string;
}

export interface AppendStateParams {
  kind: PaletteKind;
  /** The selected state the new one relates to: after it, or into the branch it is. */
  near?: string;
  /** Set by the command: the id of the new state. */
  created?: string;
}

export interface StateCommands {
  'state.add': AddStateParams;
  'state.append': AppendStateParams;
  /** Gives the state `id` the key `to`; every reference follows. */
  'state.rename': { id: string; to: string };
  'state.delete': { id: string };
  'state.setName': { id: string; name?: LocalizedText };
  'state.setInitial': { id: string };
  /** Renames the timer `from` (a delay) to `to`. */
  'state.setTimer': { id: string; from: string; to: string };
  /** The child process a state starts. */
  'state.setInvoke': { id: string; process: string };
  /** How a case that ends in the final state `id` ended. */
  'state.setOutcome': { id: string; outcome: CaseOutcome };
}
