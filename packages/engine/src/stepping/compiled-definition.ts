import type { AnyStateMachine } from 'xstate';
import type {
  DefinitionBundle,
  FormDefinition,
  ProcessDefinition,
  StateDef,
  UserTaskDef,
} from '../definition/definition-types';
import { type CelEnvironment, createCelEnvironment } from '../expressions';
import { buildMachine } from '../machine/machine-builder';
import { indexStates, type StateIndex } from '../machine/state-index';
import { StepError } from './step-error';

/** A bundle made ready to step: machine built, states indexed, CEL environment typed. Cached per bundle. */
export interface CompiledDefinition {
  definition: ProcessDefinition;
  forms: Record<string, FormDefinition>;
  version: number;
  index: StateIndex;
  machine: AnyStateMachine;
  cel: CelEnvironment;
}

const cache = new WeakMap<DefinitionBundle, CompiledDefinition>();

/** Compiles once per bundle object; bundles are treated as immutable. */
export function compileBundle(bundle: DefinitionBundle): CompiledDefinition {
  const hit = cache.get(bundle);
  if (hit) return hit;
  const definition = bundle.definition;
  const index = indexStates(definition.machine);
  const parameters = Object.fromEntries(
    Object.entries(definition.parameters ?? {}).map(([k, p]) => [k, p.value]),
  );
  const cel = createCelEnvironment({ caseSchema: definition.caseSchema, parameters });
  const machine = buildMachine(definition, cel);
  const compiled = { definition, forms: bundle.forms, version: bundle.version ?? 1, index, machine, cel };
  cache.set(bundle, compiled);
  return compiled;
}

/** The state's definition, or a `not-found` error for ids that are not in the definition. */
export function stateDef(compiled: CompiledDefinition, stateId: string): StateDef {
  const info = compiled.index.get(stateId);
  if (!info) throw new StepError('not-found', `Unknown state '${stateId}'`);
  return info.def;
}

/** The user task on a state; every open task points at one. */
export function taskDef(compiled: CompiledDefinition, stateId: string): UserTaskDef {
  const task = stateDef(compiled, stateId).task;
  if (!task) throw new StepError('not-found', `State '${stateId}' has no user task`);
  return task;
}
