/**
 * A Flowform definition as BPMN elements, before any XML: one element per state (user task, call
 * activity, subprocess, end event, timer catch event, exclusive gateway for a choice state), a
 * boundary timer per `after` of an activity, and per trigger a flow, or an exclusive gateway with a
 * flow per branch when there are several. What BPMN cannot say rides in `flowform:` extensions.
 */
import {
  indexStates,
  type ProcessDefinition,
  resolveTarget,
  type StateDef,
  type StateIndex,
  type TransitionDef,
  type TransitionSpec,
} from '@flowform/engine/browser';
import type { Trigger } from '../moddle/flowform-extension';

export type NodeShape = 'task' | 'event' | 'gateway' | 'container';

export interface ExportNode {
  id: string;
  /** The moddle type (`bpmn:UserTask` …). */
  type: string;
  name?: string;
  /** The process id or the id of the subprocess holding it. */
  container: string;
  shape: NodeShape;
  /** The state it stands for (positions from the designer are keyed by it). */
  state?: string;
  attachedTo?: string;
  /** Other moddle properties: `calledElement`, a timer's duration, a vote's loop … */
  props: Record<string, unknown>;
  /** `flowform:state`: key, type and the JSON body. */
  state_ext?: { key: string; type?: string; body: string };
  /** The flow a gateway takes when no condition holds. */
  defaultFlow?: string;
}

export interface ExportFlow {
  id: string;
  source: string;
  target: string;
  container: string;
  name?: string;
  condition?: string;
  ext?: { trigger?: Trigger; event?: string; body?: string };
}

export interface ExportModel {
  processId: string;
  processName: string;
  /** `flowform:definition`: the definition without its states. */
  definitionBody: string;
  nodes: ExportNode[];
  flows: ExportFlow[];
}

const STRUCTURE = new Set(['type', 'states', 'initial', 'on', 'after', 'always', 'onDone']);

export function buildExportModel(definition: ProcessDefinition): ExportModel {
  const index = indexStates(definition.machine);
  const processId = definition.key;
  const { states: _states, initial: _initial, ...machineRest } = definition.machine;
  const model: ExportModel = {
    processId,
    processName: definition.name['zh-CN'],
    definitionBody: JSON.stringify({ ...definition, machine: machineRest }),
    nodes: [],
    flows: [],
  };
  let flowCount = 0;
  const flowId = () => `_flow_${++flowCount}`;
  const containerOf = (path: string) => {
    const parent = index.get(path)?.parent;
    return parent ?? processId;
  };
  // Elements first, so every flow finds its ends.
  const start = (container: string, initial: string) => {
    const id = container === processId ? '_start' : `_start_${container}`;
    model.nodes.push({ id, type: 'bpmn:StartEvent', container, shape: 'event', props: {} });
    // A draft may name an initial state it does not have yet: the start then leads nowhere.
    if (index.has(initial)) model.flows.push({ id: flowId(), source: id, target: initial, container });
  };
  for (const [path, info] of index)
    model.nodes.push(stateNode(definition, path, info.def, containerOf(path), info.kind));
  const initialOf = (path: string, def: StateDef) =>
    def.initial ? `${path}.${def.initial}` : (index.get(path)?.children[0] ?? path);
  start(processId, definition.machine.initial);
  for (const [path, info] of index) if (info.kind === 'compound') start(path, initialOf(path, info.def));
  for (const [path, info] of index) {
    const def = info.def;
    const element = model.nodes.find((n) => n.id === path)!;
    const groups: [Trigger, string | undefined, TransitionSpec | undefined][] = [
      ...Object.entries(def.on ?? {}).map(([e, s]) => ['on', e, s] as [Trigger, string, TransitionSpec]),
      ...Object.entries(def.after ?? {}).map(
        ([d, s]) => ['after', d, s] as [Trigger, string, TransitionSpec],
      ),
      ['always', undefined, def.always],
      ['onDone', undefined, def.onDone],
      ['invokeDone', undefined, def.invoke?.onDone],
    ];
    let timers = 0;
    for (const [trigger, event, spec] of groups) {
      const list = transitionList(spec);
      if (list.length === 0) continue;
      let source = path;
      if (trigger === 'after' && element.shape !== 'event' && element.shape !== 'gateway') {
        source = `_timer_${path}_${++timers}`;
        model.nodes.push({
          id: source,
          type: 'bpmn:BoundaryEvent',
          container: element.container,
          shape: 'event',
          attachedTo: path,
          props: { cancelActivity: true, timer: timerText(definition, event!) },
        });
      }
      const head = { trigger, ...(event !== undefined ? { event } : {}) };
      const targetOf = (t: TransitionDef) =>
        t.target ? (resolveTarget(index, path, t.target) ?? path) : path;
      const body = (t: TransitionDef) => transitionBody(t);
      if (list.length === 1 || (trigger === 'always' && element.shape === 'gateway')) {
        for (const t of list) {
          const target = targetOf(t);
          const id = flowId();
          if (list.length > 1 && !t.guard && !element.defaultFlow) element.defaultFlow = id;
          model.flows.push({
            id,
            source,
            target,
            container: commonContainer(index, processId, element.container, containerOf(target)),
            ...flowText(t),
            ext: { ...head, ...body(t) },
          });
        }
        continue;
      }
      const gateway = `_choice_${path}_${trigger}${event ? `_${event.replace(/[^\w.-]/g, '_')}` : ''}`;
      const gatewayNode: ExportNode = {
        id: gateway,
        type: 'bpmn:ExclusiveGateway',
        container: element.container,
        shape: 'gateway',
        props: {},
      };
      model.nodes.push(gatewayNode);
      model.flows.push({ id: flowId(), source, target: gateway, container: element.container, ext: head });
      for (const t of list) {
        const target = targetOf(t);
        const id = flowId();
        if (!t.guard && !gatewayNode.defaultFlow) gatewayNode.defaultFlow = id;
        model.flows.push({
          id,
          source: gateway,
          target,
          container: commonContainer(index, processId, element.container, containerOf(target)),
          ...flowText(t),
          ext: body(t),
        });
      }
    }
  }
  return model;
}

function stateNode(
  definition: ProcessDefinition,
  path: string,
  def: StateDef,
  container: string,
  kind: string,
): ExportNode {
  const rest = Object.fromEntries(Object.entries(def).filter(([k]) => !STRUCTURE.has(k))) as StateDef;
  if (rest.invoke) {
    const { onDone: _onDone, ...invoke } = rest.invoke;
    rest.invoke = invoke;
  }
  const key = path.split('.').pop()!;
  const state_ext = {
    key,
    ...(def.type ? { type: def.type } : {}),
    body: JSON.stringify(rest),
  };
  const name = def.task?.title['zh-CN'] ?? def.name?.['zh-CN'] ?? key;
  const base = { id: path, name, container, state: path, state_ext };
  if (kind === 'final') return { ...base, type: 'bpmn:EndEvent', shape: 'event', props: {} };
  if (kind === 'compound' || kind === 'parallel')
    return { ...base, type: 'bpmn:SubProcess', shape: 'container', props: {} };
  if (def.task) return { ...base, type: 'bpmn:UserTask', shape: 'task', props: voteLoop(def) };
  if (def.invoke)
    return {
      ...base,
      type: 'bpmn:CallActivity',
      shape: 'task',
      props: { calledElement: def.invoke.process },
    };
  const afters = Object.keys(def.after ?? {});
  if (afters.length === 1 && !def.on && !def.always)
    return {
      ...base,
      type: 'bpmn:IntermediateCatchEvent',
      shape: 'event',
      props: { timer: timerText(definition, afters[0]!) },
    };
  if (def.always && !def.on && !def.after)
    return { ...base, type: 'bpmn:ExclusiveGateway', shape: 'gateway', props: {} };
  return { ...base, type: 'bpmn:Task', shape: 'task', props: {} };
}

/** A vote as BPMN's multi-instance loop, so other tools show it (the extension keeps the vote). */
function voteLoop(def: StateDef): Record<string, unknown> {
  const voting = def.task?.voting;
  if (!voting) return {};
  const condition =
    voting.mode === 'any'
      ? `\${nrOfCompletedInstances >= 1}`
      : voting.mode === 'ratio'
        ? `\${nrOfCompletedInstances/nrOfInstances >= ${voting.ratio}}`
        : undefined;
  return { loop: { isSequential: voting.mode === 'sequential', ...(condition ? { condition } : {}) } };
}

/** The timer's duration text: the ISO key itself, or what a named delay says. */
function timerText(definition: ProcessDefinition, key: string): string {
  const named = definition.machine.delays?.[key];
  if (named === undefined) return key;
  if (typeof named === 'string') return named;
  if ('cel' in named) return `\${${named.cel}}`;
  const days = typeof named.days === 'number' ? String(named.days) : `{${named.days}}`;
  return named.working ? `P${days}WD` : `P${days}D`;
}

function transitionBody(t: TransitionDef): { body?: string } {
  const body = {
    ...(t.guard ? { guard: t.guard } : {}),
    ...(t.actions ? { actions: t.actions } : {}),
    ...(t.description ? { description: t.description } : {}),
    ...(t.target ? {} : { targetless: true }),
  };
  return Object.keys(body).length ? { body: JSON.stringify(body) } : {};
}

function flowText(t: TransitionDef): { name?: string; condition?: string } {
  return {
    ...(t.description ? { name: t.description['zh-CN'] } : {}),
    ...(t.guard ? { condition: t.guard.params.expr } : {}),
  };
}

function transitionList(spec: TransitionSpec | undefined): TransitionDef[] {
  if (spec === undefined) return [];
  if (typeof spec === 'string') return [{ target: spec }];
  return Array.isArray(spec) ? spec : [spec];
}

/** The innermost container holding both (a flow leaving a subprocess lives where both ends are seen). */
function commonContainer(index: StateIndex, processId: string, a: string, b: string): string {
  const chain = (c: string) => {
    const out: string[] = [];
    for (let at: string | undefined = c; at && at !== processId; at = index.get(at)?.parent) out.push(at);
    return out;
  };
  const ofB = new Set(chain(b));
  return chain(a).find((c) => ofB.has(c)) ?? processId;
}
