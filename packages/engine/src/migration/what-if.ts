import type { Directory } from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import type { CaseSnapshot } from '../stepping/case-snapshot';
import { leafIds } from '../stepping/case-migration';
import type { Command } from '../stepping/commands';
import type { ReplayEntry } from '../stepping/replay';
import { step } from '../stepping/step';
import { StepError, type StepErrorCode } from '../stepping/step-error';
import { isSystemEntry } from '../stepping/system-actor';

/** What one case's history would have done on another version. */
export type WhatIfVerdict =
  | { verdict: 'same'; states: string[]; status: CaseSnapshot['status'] }
  | {
      verdict: 'different';
      actual: { states: string[]; status: CaseSnapshot['status'] };
      replayed: { states: string[]; status: CaseSnapshot['status'] };
    }
  | {
      verdict: 'refused';
      /** The refused command's number in the case's history (its audit seq). */
      at: number;
      command: Command['type'];
      code: StepErrorCode | 'replay-failed';
      message: string;
    };

/**
 * Replays a case's command history against another version (or a draft) on a copy and says whether
 * it reaches the same state, a different one (which), or where it would be refused and why. A
 * `migrate` entry of the history is passed over: the other version is the one asked about.
 */
export function whatIf(
  bundle: DefinitionBundle,
  entries: ReplayEntry[],
  directory: (entry: ReplayEntry) => Directory,
  actual: CaseSnapshot,
): WhatIfVerdict {
  let snapshot: CaseSnapshot | undefined;
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    const command = entry.detail?.command as Command | undefined;
    if (!command || command.type === 'migrate') continue;
    try {
      snapshot = step(bundle, snapshot, command, {
        now: entry.at,
        actor: { username: entry.actor, system: isSystemEntry(entry) },
        directory: directory(entry),
        locale: 'zh-CN',
      }).snapshot;
    } catch (error) {
      const code = error instanceof StepError ? error.code : 'replay-failed';
      return {
        verdict: 'refused',
        at: entry.seq,
        command: command.type,
        code,
        message: (error as Error).message,
      };
    }
  }
  const was = { states: statesOf(actual), status: actual.status };
  const now = { states: snapshot ? statesOf(snapshot) : [], status: snapshot?.status ?? actual.status };
  if (was.status === now.status && was.states.join() === now.states.join())
    return { verdict: 'same', states: was.states, status: was.status };
  return { verdict: 'different', actual: was, replayed: now };
}

/** A case's active leaf states, sorted. */
export function statesOf(snapshot: CaseSnapshot): string[] {
  return leafIds(snapshot.machine.value).sort();
}
