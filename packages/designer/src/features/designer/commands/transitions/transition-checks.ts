/** What the transition commands share: the existence check and the shape of a CEL guard. */
import type { GuardRef } from '@flowform/engine/browser';
import { type DesignDoc, stateAt } from '../../model/design-doc';
import { type TransitionRef, transitionAt } from '../../model/transitions';

export const transitionMissing = (doc: DesignDoc, ref: TransitionRef): string | undefined =>
  stateAt(doc, ref.source) && transitionAt(doc, ref) ? undefined : 'No such transition';

export const celGuard = (expr: string): GuardRef => ({ type: 'cel', params: { expr } });
