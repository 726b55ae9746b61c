import type { Actor } from '../stepping/commands';
import { SYSTEM_ACTOR } from '../stepping/replay';

/** Timers, the outbox and child completions act as this actor; replay recognises it by name. */
export const SYSTEM: Actor = { username: SYSTEM_ACTOR, system: true };
