/**
 * Everything one simulation works with: the traced bundle, the directory, sample lookups and guard
 * facts; plus applying a command through the pure `step` and describing the case after it.
 */
import { type DirectorySeed, expandCandidates, InMemoryDirectory } from '../assignment';
import type { DefinitionBundle, UserTaskDef } from '../definition/definition-types';
import { collectEdges, type FlowEdge } from '../lint/flow-graph';
import { statePointer } from '../lint/lint-types';
import { indexStates, type StateIndex } from '../machine/state-index';
import type { CaseSnapshot, TaskRecord } from '../stepping/case-snapshot';
import type { Actor, Command } from '../stepping/commands';
import type { Effect } from '../stepping/effects';
import { step } from '../stepping/step';
import { StepError } from '../stepping/step-error';
import { type GuardFacts, guardFacts } from './guard-facts';
import { type SampleCatalogue, sampleCatalogue } from './sample-catalogue';
import type { SimPerson, SimTask, SimulationOptions } from './simulation-types';
import { tracedBundle, tracedSince } from './traced-bundle';

/** Monday 2 March 2026, 16:00 in Beijing. */
export const SIMULATION_EPOCH = '2026-03-02T08:00:00.000Z';

export interface SimContext {
  original: DefinitionBundle;
  bundle: DefinitionBundle;
  index: StateIndex;
  edges: FlowEdge[];
  directory: InMemoryDirectory;
  catalogue: SampleCatalogue;
  facts: GuardFacts;
  options: SimulationOptions;
}

/** Fields naming a unit: the definition's unit field and every unit-relative rule's. */
function unitFields(def: DefinitionBundle['definition']): Set<string> {
  const fields = new Set<string>(def.unitField ? [def.unitField] : []);
  JSON.stringify(def, (key, value) => {
    if (key === 'unitField' && typeof value === 'string') fields.add(value);
    return value;
  });
  return fields;
}

/** The result of one applied command. */
export interface Applied {
  snapshot: CaseSnapshot;
  effects: Effect[];
  traced: string[];
}

export function createContext(
  bundle: DefinitionBundle,
  seed: DirectorySeed,
  options: SimulationOptions,
): SimContext {
  const index = indexStates(bundle.definition.machine);
  return {
    original: bundle,
    bundle: tracedBundle(bundle),
    index,
    edges: collectEdges(index, statePointer),
    directory: new InMemoryDirectory(seed),
    catalogue: sampleCatalogue(seed, options.now ?? SIMULATION_EPOCH, unitFields(bundle.definition)),
    facts: guardFacts(bundle.definition, index),
    options,
  };
}

/** Runs a command; a refusal (StepError) comes back as undefined, anything else throws. */
export function apply(
  ctx: SimContext,
  snapshot: CaseSnapshot | undefined,
  command: Command,
  actor: Actor,
  now: number,
): Applied | undefined {
  try {
    const result = step(ctx.bundle, snapshot, command, {
      now: new Date(now).toISOString(),
      actor,
      directory: ctx.directory,
      forms: ctx.options.forms,
      locale: ctx.options.locale ?? 'zh-CN',
    });
    return {
      snapshot: result.snapshot,
      effects: result.effects,
      traced: tracedSince(snapshot?.data, result.snapshot.data),
    };
  } catch (error) {
    if (error instanceof StepError) return undefined;
    throw error;
  }
}

export function person(ctx: SimContext, username: string): SimPerson {
  const user = ctx.directory.user(username);
  return { username, name: user?.displayName ?? { 'zh-CN': username, en: username } };
}

export function taskDefOf(ctx: SimContext, stateId: string): UserTaskDef {
  return ctx.index.get(stateId)!.def.task!;
}

/** Who may work the task now, sorted (its holder, or every current candidate). */
export function holders(ctx: SimContext, task: TaskRecord): string[] {
  return task.assignee ? [task.assignee] : expandCandidates(task.candidates, ctx.directory);
}

export function taskViews(ctx: SimContext, snap: CaseSnapshot): SimTask[] {
  return snap.tasks.map((t) => ({
    state: t.stateId,
    title: taskDefOf(ctx, t.stateId).title,
    users: holders(ctx, t).map((u) => person(ctx, u)),
    ...(t.dueAt ? { dueAt: t.dueAt } : {}),
  }));
}

/** Active state ids, leaves only when `leaves`, else with every ancestor. */
export function activeStates(value: unknown, leaves: boolean, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (!leaves) out.push(id);
    out.push(...activeStates(child, leaves, id));
  }
  return out;
}
