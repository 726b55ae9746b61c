/**
 * A BPMN process read into a graph the mapping can walk: flow nodes by id (with their container,
 * boundary events and children), sequence flows in document order, the other elements for the
 * report, and the document's namespace prefixes (vendor attributes are read through them).
 */
import type { ModdleElement } from '../moddle/bpmn-io';

export interface BpmnNode {
  id: string;
  /** The local type name: `userTask`, `exclusiveGateway`, `boundaryEvent` … */
  type: string;
  name?: string;
  element: ModdleElement;
  /** The process or subprocess holding it. */
  container: string;
  attachedTo?: string;
  boundaries: string[];
}

export interface BpmnFlow {
  id: string;
  source: string;
  target: string;
  name?: string;
  /** The condition's text as written (`${amount > 5000}`, `=approved`); absent when unconditional. */
  condition?: string;
  /** The flow its source names as `default`. */
  isDefault: boolean;
  element: ModdleElement;
}

/** An element that is neither a flow node nor a sequence flow (lanes, annotations, data objects …). */
export interface BpmnOther {
  id: string;
  type: string;
  name?: string;
}

export interface BpmnGraph {
  process: ModdleElement;
  nodes: Map<string, BpmnNode>;
  flows: BpmnFlow[];
  others: BpmnOther[];
  /** Namespace URI by prefix, as declared on `bpmn:definitions`. */
  namespaces: Map<string, string>;
}

const OTHER_CONTAINERS = ['laneSets', 'artifacts', 'resources', 'properties', 'ioSpecification'] as const;

/** The local name of a moddle type (`bpmn:UserTask` → `userTask`). */
export function localType(element: ModdleElement): string {
  const name = element.$type.split(':').pop() ?? element.$type;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Reads the process (the first with flow elements, or `processId`) of a `bpmn:Definitions`. */
export function readGraph(definitions: ModdleElement, processId?: string): BpmnGraph | undefined {
  const roots = (definitions.rootElements as ModdleElement[] | undefined) ?? [];
  const processes = roots.filter((r) => r.$type === 'bpmn:Process');
  const process = processId
    ? processes.find((p) => p.id === processId)
    : (processes.find((p) => ((p.flowElements as unknown[]) ?? []).length > 0) ?? processes[0]);
  if (!process) return undefined;
  const graph: BpmnGraph = {
    process,
    nodes: new Map(),
    flows: [],
    others: [],
    namespaces: new Map(),
  };
  for (const [attr, uri] of Object.entries(definitions.$attrs ?? {}))
    if (attr.startsWith('xmlns:')) graph.namespaces.set(attr.slice(6), uri);
  readContainer(graph, process);
  for (const node of graph.nodes.values())
    if (node.attachedTo) graph.nodes.get(node.attachedTo)?.boundaries.push(node.id);
  for (const root of roots) {
    if (root.$type === 'bpmn:Collaboration') {
      for (const key of ['participants', 'messageFlows'] as const)
        for (const el of (root[key] as ModdleElement[] | undefined) ?? []) graph.others.push(other(el));
    }
  }
  for (const p of processes) if (p !== process) graph.others.push(other(p));
  return graph;
}

function readContainer(graph: BpmnGraph, container: ModdleElement): void {
  const defaults = new Set<string>();
  const elements = (container.flowElements as ModdleElement[] | undefined) ?? [];
  for (const el of elements) {
    const def = el.default as ModdleElement | undefined;
    if (def?.id) defaults.add(def.id as string);
  }
  for (const el of elements) {
    const type = localType(el);
    if (type === 'sequenceFlow') {
      const condition = (el.conditionExpression as ModdleElement | undefined)?.body as string | undefined;
      graph.flows.push({
        id: el.id as string,
        source: (el.sourceRef as ModdleElement).id as string,
        target: (el.targetRef as ModdleElement).id as string,
        ...(el.name ? { name: el.name as string } : {}),
        ...(condition?.trim() ? { condition: condition.trim() } : {}),
        isDefault: false,
        element: el,
      });
      continue;
    }
    if (!('incoming' in el) && !isFlowNodeType(type)) {
      graph.others.push(other(el));
      continue;
    }
    const attached = el.attachedToRef as ModdleElement | undefined;
    graph.nodes.set(el.id as string, {
      id: el.id as string,
      type,
      ...(el.name ? { name: el.name as string } : {}),
      element: el,
      container: container.id as string,
      ...(attached ? { attachedTo: attached.id as string } : {}),
      boundaries: [],
    });
    if (type === 'subProcess' || type === 'transaction' || type === 'adHocSubProcess')
      readContainer(graph, el);
  }
  for (const flow of graph.flows) if (defaults.has(flow.id)) flow.isDefault = true;
  for (const key of OTHER_CONTAINERS) {
    const value = container[key];
    for (const el of Array.isArray(value)
      ? (value as ModdleElement[])
      : value
        ? [value as ModdleElement]
        : []) {
      const lanes = key === 'laneSets' ? ((el.lanes as ModdleElement[] | undefined) ?? []) : [el];
      for (const item of lanes) if (isReportable(item)) graph.others.push(other(item));
    }
  }
}

const FLOW_NODE = /(task|event|gateway|activity|subProcess|transaction)$/i;

function isFlowNodeType(type: string): boolean {
  return FLOW_NODE.test(type);
}

function isReportable(el: ModdleElement): boolean {
  return typeof el.id === 'string';
}

function other(el: ModdleElement): BpmnOther {
  return { id: el.id as string, type: localType(el), ...(el.name ? { name: el.name as string } : {}) };
}

/** Outgoing flows of a node, in document order. */
export function outgoing(graph: BpmnGraph, id: string): BpmnFlow[] {
  return graph.flows.filter((f) => f.source === id);
}

/** Incoming flows of a node, in document order. */
export function incoming(graph: BpmnGraph, id: string): BpmnFlow[] {
  return graph.flows.filter((f) => f.target === id);
}
