import { type AnyStateMachine, assign, createMachine } from 'xstate';
import type { ActionRef, ProcessDefinition, StateDef, TransitionSpec } from '../definition/definition-types';
import { caseComputed, computeValues } from '../computed';
import type { CelEnvironment, CelVariables } from '../expressions';
import { returnTargetPaths } from './return-targets';
import { isWithin, transitionList } from './state-index';

/** The machine's context: the case data plus who started it and the unit it is about. */
export interface MachineContext {
  data: Record<string, unknown>;
  caseId?: string;
  initiator: NonNullable<CelVariables['initiator']>;
  caseUnit?: CelVariables['caseUnit'];
}

/** Every event the engine sends carries the command's time and actor, so guards stay pure. */
export interface EngineEvent {
  type: string;
  now: string;
  actor: NonNullable<CelVariables['actor']>;
  /** The task state the event comes from; transitions outside it ignore the event. */
  origin?: string;
  outcome?: string;
  votes?: CelVariables['votes'];
}

/** Internal event names; authors never write these. */
export const internalEvent = {
  after: (stateId: string, key: string) => `ff.after.${stateId}.${key}`,
  returnTo: (target: string) => `ff.return.${target}`,
  childDone: (stateId: string) => `ff.child.${stateId}`,
};

/** Microsteps one event may take before the machine is declared looping. */
export const MAX_MICROSTEPS = 200;

/** Root id of every built machine, so `#ff.path` reaches any state. */
export const MACHINE_ID = 'ff';

/** Builds the XState machine for a definition; CEL guards and assignments run through `cel`. */
export function buildMachine(def: ProcessDefinition, cel: CelEnvironment): AnyStateMachine {
  const vars = (context: MachineContext, raw: EngineEvent): CelVariables => {
    // A new case's eventless transitions see XState's `xstate.init`, whose input carries the start's time and actor.
    const event =
      raw.type === 'xstate.init' ? { ...raw, ...(raw as { input?: Partial<EngineEvent> }).input } : raw;
    return {
      data: context.data,
      now: event.now,
      ...(context.caseId ? { caseId: context.caseId } : {}),
      initiator: context.initiator,
      ...(context.caseUnit ? { caseUnit: context.caseUnit } : {}),
      actor: event.actor,
      outcome: event.outcome,
      votes: event.votes,
    };
  };
  const computed = caseComputed(def);
  const config = {
    id: MACHINE_ID,
    initial: def.machine.initial,
    context: ({ input }: { input: MachineContext }) => input,
    // A cycle of eventless transitions whose guards keep holding must stop, not hang the server.
    options: { maxIterations: MAX_MICROSTEPS },
    states: mapStates(def.machine.states, undefined, def.machine.states),
  };
  return createMachine(config as never, {
    guards: {
      'ff.guard': (
        { context, event }: { context: MachineContext; event: EngineEvent },
        params: GuardParams,
      ) => {
        if (params.scope && event.origin && !isWithin(event.origin, params.scope)) return false;
        if (!params.expr) return true;
        return cel.compile(params.expr).evaluate(vars(context, event)) === true;
      },
    } as never,
    actions: {
      assignCel: assign(
        (
          { context, event }: { context: MachineContext; event: EngineEvent },
          params: { field: string; expr: string },
        ) => {
          const data = {
            ...context.data,
            [params.field]: cel.compile(params.expr).evaluate(vars(context, event)),
          };
          // Guards after this action read computed values of the data as it now is.
          if (Object.keys(computed).length === 0) return { data };
          const { data: _old, ...rest } = vars(context, event);
          return { data: computeValues(cel, computed, data, rest).data };
        },
      ) as never,
    },
  });
}

interface GuardParams {
  expr?: string;
  scope?: string;
}

function mapStates(
  states: Record<string, StateDef>,
  parent: string | undefined,
  root: Record<string, StateDef>,
) {
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(states)) {
    const id = parent ? `${parent}.${key}` : key;
    out[key] = mapState(id, def, root);
  }
  return out;
}

function mapState(id: string, def: StateDef, root: Record<string, StateDef>): Record<string, unknown> {
  const node: Record<string, unknown> = {};
  if (def.type && def.type !== 'atomic' && def.type !== 'compound') node.type = def.type;
  if (def.history) node.history = def.history;
  if (def.initial) node.initial = def.initial;
  if (def.states) node.states = mapStates(def.states, id, root);
  const on: Record<string, unknown> = {};
  for (const [event, spec] of Object.entries(def.on ?? {})) on[event] = mapTransitions(spec, id, id);
  for (const [key, spec] of Object.entries(def.after ?? {}))
    on[internalEvent.after(id, key)] = mapTransitions(spec, undefined, id);
  for (const target of def.task?.returnTargets ?? []) {
    const paths = returnTargetPaths(root, id, target).map((path) => `#${MACHINE_ID}.${path}`);
    on[internalEvent.returnTo(target)] = { target: paths.length === 1 ? paths[0] : paths, reenter: true };
  }
  if (def.invoke?.onDone) on[internalEvent.childDone(id)] = mapTransitions(def.invoke.onDone, undefined, id);
  if (Object.keys(on).length > 0) node.on = on;
  if (def.always) node.always = mapTransitions(def.always, undefined, id);
  if (def.onDone) node.onDone = mapTransitions(def.onDone, undefined, id);
  const tracked = Boolean(def.task || def.after || def.invoke);
  const entry = (def.entry ?? []).map(mapAction);
  const exit = (def.exit ?? []).map(mapAction);
  if (tracked) {
    entry.unshift({ type: 'ff.enter', params: { stateId: id } });
    exit.push({ type: 'ff.exit', params: { stateId: id } });
  }
  if (entry.length) node.entry = entry;
  if (exit.length) node.exit = exit;
  return node;
}

/** `scope` limits outcome events to tasks inside the state; a transition back to `source` re-enters it. */
function mapTransitions(spec: TransitionSpec, scope: string | undefined, source: string) {
  const key = source.slice(source.lastIndexOf('.') + 1);
  return transitionList(spec).map((t) => {
    const out: Record<string, unknown> = {};
    if (t.target !== undefined)
      out.target = t.target.startsWith('#') ? `#${MACHINE_ID}.${t.target.slice(1)}` : t.target;
    if (t.target === key || t.target === `#${source}`) out.reenter = true;
    const expr = t.guard?.params.expr;
    if (expr || scope) out.guard = { type: 'ff.guard', params: { expr, scope } };
    if (t.actions) out.actions = t.actions.map(mapAction);
    return out;
  });
}

function mapAction(action: ActionRef): { type: string; params: Record<string, unknown> } {
  return { type: action.type, params: (action.params ?? {}) as Record<string, unknown> };
}
