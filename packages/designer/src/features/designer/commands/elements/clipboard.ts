/** Copies states (and the transitions among them) for a later `elements.paste`. */
import type { StateDef } from '@flowform/engine/browser';
import type { Clipboard } from './element-params';

export function copyStates(states: { key: string; def: StateDef }[]): Clipboard {
  return { states: structuredClone(states) };
}
