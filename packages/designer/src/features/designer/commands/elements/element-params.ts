/** Params of the compound commands on a selection. */
import type { StateDef } from '@flowform/engine/browser';
import type { TransitionRef } from '../../model/transitions';

export interface Clipboard {
  /** Copied states by their original key, with transitions between them kept. */
  states: { key: string; def: StateDef }[];
}

export interface ElementCommands {
  /** Deletes the states (with what they contain) and the transitions, as one undo step. */
  'elements.delete': { states: string[]; transitions: TransitionRef[] };
  'elements.paste': {
    parent?: string;
    clipboard: Clipboard;
    /** Set by the command: the ids of the pasted states. */
    created?: string[];
  };
}
