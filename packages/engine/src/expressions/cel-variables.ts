/**
 * The variables every expression sees besides `data`, `params` and `item`, their CEL types, and how a
 * `CelVariables` object becomes the bindings the evaluator runs against.
 */
import type { CelInput } from '@bufbuild/cel';
import type { Environment } from '@marcbachmann/cel-js';
import type { CelVariables } from './cel-environment-types';
import { type CelConverter, type RegisteredShape, registerShape, type ShapeRegistry } from './cel-records';
import type { CelShape } from './cel-shape';
import { timestampFromIso } from './iso-timestamp';

const string: CelShape = { kind: 'string' };
const int: CelShape = { kind: 'int' };
const strings: CelShape = { kind: 'list', items: string };
const record = (fields: Record<string, CelShape>): CelShape => ({ kind: 'record', fields });

const PRINCIPAL = record({ username: string, roles: strings, units: strings });
const TASK = record({ state: string, outcome: string, assignee: string });
const VOTES = record({ approve: int, reject: int, pending: int, total: int });
const UNIT = record({ id: string, kind: string, parent: string });

const PERSON = record({ username: string, name: string, roles: strings, units: strings });

/** Declares `people` (the directory's users, for scheduled starts) in a schema's scope. */
export function registerPeople(env: Environment, registry: ShapeRegistry): RegisteredShape {
  const people = registerShape(env, { kind: 'list', items: PERSON }, 'flowform.Person', registry);
  env.registerVariable('people', people.type);
  return people;
}

/** Converters per variable name, for the variables an environment declares. */
export type VariableConverters = Record<string, CelConverter>;

function toTimestamp(value: unknown): CelInput {
  const stamp = timestampFromIso(value);
  if (!stamp) throw new Error(`now must be an ISO 8601 timestamp with zone, got ${JSON.stringify(value)}`);
  return stamp;
}

/** Declares now, caseId, initiator, actor, caseUnit, task, outcome and votes; returns their converters. */
export function registerCommonVariables(env: Environment): VariableConverters {
  const principal = registerShape(env, PRINCIPAL, 'flowform.Principal');
  const task = registerShape(env, TASK, 'flowform.Task');
  const votes = registerShape(env, VOTES, 'flowform.Votes');
  const unit = registerShape(env, UNIT, 'flowform.Unit');
  env
    .registerVariable('now', 'google.protobuf.Timestamp')
    .registerVariable('caseId', 'string')
    .registerVariable('initiator', principal.type)
    .registerVariable('actor', principal.type)
    .registerVariable('caseUnit', unit.type)
    .registerVariable('task', task.type)
    .registerVariable('outcome', 'string')
    .registerVariable('votes', votes.type);
  return {
    now: toTimestamp,
    caseId: (v) => v as CelInput,
    initiator: principal.toCel,
    actor: principal.toCel,
    caseUnit: unit.toCel,
    task: task.toCel,
    outcome: (v) => v as CelInput,
    votes: votes.toCel,
  };
}

/** Builds the activation from the variables an expression mentions; unset ones stay absent. */
export function buildActivation(
  vars: CelVariables,
  names: readonly string[],
  converters: VariableConverters,
): Record<string, CelInput> {
  const activation: Record<string, CelInput> = Object.create(null);
  const source = vars as unknown as Record<string, unknown>;
  for (const name of names) {
    const raw = source[name];
    const value = raw === undefined ? undefined : converters[name]!(raw);
    if (value !== undefined) activation[name] = value;
  }
  return activation;
}
