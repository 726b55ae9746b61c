/**
 * An interactive simulated case on a virtual clock, driven by the engine's pure `step`: start it as
 * someone, complete tasks as the people they are offered to, fire the next timer. Each step records
 * who did what, the states passed and the transitions taken, for the canvas to highlight.
 */
import {
  type Actor,
  type CaseSnapshot,
  type Command,
  type DefinitionBundle,
  expandCandidates,
  type InMemoryDirectory,
  type Locale,
  StepError,
  SYSTEM_ACTOR,
  step,
} from '@flowform/engine/browser';
import type { DesignDoc } from '../model/design-doc';
import { allTransitions } from '../model/state-graph';
import { transitionId } from '../model/transitions';
import { browserFormValidator } from './browser-form-validator';

export const SIM_EPOCH = Date.parse('2026-03-02T08:00:00.000Z');

export type SimEvent =
  | { kind: 'start'; user: string }
  | { kind: 'complete'; user: string; state: string; outcome: string }
  | { kind: 'timer'; timer: string; state: string };

export interface SimEntry {
  event: SimEvent;
  at: number;
  states: string[];
}

export interface SimCase {
  snapshot: CaseSnapshot;
  at: number;
  log: SimEntry[];
  visited: Set<string>;
  transitions: Set<string>;
}

/** Active states with every ancestor (`a`, `a.b`). */
export function activeIds(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => {
    const id = prefix ? `${prefix}.${k}` : k;
    return [id, ...activeIds(v, id)];
  });
}

/** Who may work a task now: its holder, or every candidate. */
export const holdersOf = (task: CaseSnapshot['tasks'][number], directory: InMemoryDirectory) =>
  task.assignee ? [task.assignee] : expandCandidates(task.candidates, directory);

/** What a simulated case runs in: the design, the directory and the reader's language. */
export interface SimWorld {
  doc: DesignDoc;
  directory: InMemoryDirectory;
  locale: Locale;
}

function apply(
  { doc, directory, locale }: SimWorld,
  before: SimCase | undefined,
  command: Command,
  actor: Actor,
  at: number,
  event: SimEvent,
): SimCase {
  const bundle: DefinitionBundle = { definition: doc.definition, forms: doc.forms };
  const result = step(bundle, before?.snapshot, command, {
    now: new Date(at).toISOString(),
    actor,
    directory,
    forms: browserFormValidator,
    locale,
  });
  const was = new Set(before ? activeIds(before.snapshot.machine.value) : []);
  const now = activeIds(result.snapshot.machine.value);
  const { states: passed, transitions } = walked(doc, was, new Set(now), !before);
  const taken = new Set([...(before?.transitions ?? []), ...transitions]);
  return {
    snapshot: result.snapshot,
    at,
    log: [...(before?.log ?? []), { event, at, states: now }],
    visited: new Set([...(before?.visited ?? []), ...now, ...passed]),
    transitions: taken,
  };
}

/**
 * The transitions a step took: from a state it left to a state now active, passing through
 * eventless (decision) states on the way.
 */
function walked(
  doc: DesignDoc,
  was: Set<string>,
  now: Set<string>,
  starting: boolean,
): { states: string[]; transitions: string[] } {
  const all = allTransitions(doc);
  const transient = new Set(all.filter((t) => t.kind === 'always').map((t) => t.source));
  const sources = starting
    ? [doc.definition.machine.initial]
    : [...was].filter((id) => !now.has(id) || transient.has(id));
  const states: string[] = [];
  const transitions: string[] = [];
  const queue = [...sources];
  const seen = new Set(queue);
  while (queue.length) {
    const from = queue.shift()!;
    for (const t of all) {
      if (t.source !== from || !t.to) continue;
      if (now.has(t.to) && (!was.has(t.to) || t.to === from || starting)) transitions.push(transitionId(t));
      else if (transient.has(t.to) && !seen.has(t.to)) {
        transitions.push(transitionId(t));
        states.push(t.to);
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  const reached = new Set([...now, ...states]);
  return { states, transitions: transitions.filter((id) => reached.size > 0 && id !== '') };
}

export function startCase(world: SimWorld, user: string, data: Record<string, unknown>): SimCase {
  return apply(
    world,
    undefined,
    { type: 'start', instanceId: 'sim-1', data },
    { username: user },
    SIM_EPOCH,
    { kind: 'start', user },
  );
}

export function completeTask(
  world: SimWorld,
  sim: SimCase,
  taskId: string,
  user: string,
  outcome: string,
  data: Record<string, unknown>,
  comment?: string,
): SimCase {
  const task = sim.snapshot.tasks.find((t) => t.id === taskId)!;
  const command: Command = { type: 'complete', taskId, outcome, data, ...(comment ? { comment } : {}) };
  return apply(world, sim, command, { username: user }, sim.at, {
    kind: 'complete',
    user,
    state: task.stateId,
    outcome,
  });
}

/** Fast-forwards the clock to the earliest timer and fires it. */
export function fireNextTimer(world: SimWorld, sim: SimCase): SimCase | undefined {
  const next = [...sim.snapshot.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (!next) return undefined;
  const at = Math.max(sim.at, Date.parse(next.dueAt));
  return apply(world, sim, { type: 'timerFired', timerId: next.id }, SYSTEM_ACTOR, at, {
    kind: 'timer',
    timer: next.kind,
    state: next.stateId,
  });
}

/** The engine's reason for refusing a step, or the error itself. */
export function refusal(error: unknown): string {
  if (error instanceof StepError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
