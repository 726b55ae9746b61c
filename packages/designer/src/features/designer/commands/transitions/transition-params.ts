/** Params of the commands on transitions. */
import type { TransitionKind, TransitionRef } from '../../model/transitions';

export interface ConnectParams {
  source: string;
  target: string;
  /** Where the transition goes in `source`; chosen by what the state is when absent. */
  kind?: TransitionKind;
  key?: string;
  /** A CEL guard. */
  guard?: string;
  /** Set by the command: where the new transition is. */
  created?: TransitionRef;
}

export interface TransitionCommands {
  'transition.connect': ConnectParams;
  /** A CEL guard; empty or absent removes it. */
  'transition.setGuard': { ref: TransitionRef; expr?: string };
  'transition.setTarget': { ref: TransitionRef; target: string };
  'transition.setEvent': { ref: TransitionRef; event: string };
  'transition.delete': { ref: TransitionRef };
}
