/** How the mapping treats each BPMN flow node: a state, a routing point, a parallel split, or attached. */
import type { BpmnFlow, BpmnGraph, BpmnNode } from '../graph/bpmn-graph';
import { outgoing } from '../graph/bpmn-graph';
import { flowformElement } from '../graph/vendor-extensions';

/** Activities Flowform cannot execute, and timer waits that are not fixed: the case passes on. */
export const PASS_THROUGH_TYPES = new Set([
  'task',
  'serviceTask',
  'scriptTask',
  'sendTask',
  'receiveTask',
  'businessRuleTask',
  'intermediateCatchEvent',
]);

const STATE_TYPES = new Set([
  ...PASS_THROUGH_TYPES,
  'userTask',
  'manualTask',
  'callActivity',
  'subProcess',
  'transaction',
  'adHocSubProcess',
  'endEvent',
]);

/** A node that becomes a state of its own (a `flowform:state` extension makes any node one). */
export function isStateNode(node: BpmnNode): boolean {
  if (flowformElement(node.element, 'flowform:State')) return true;
  if (node.type === 'subProcess' && node.element.triggeredByEvent) return false;
  return STATE_TYPES.has(node.type);
}

/** A parallel or inclusive gateway that splits (two or more outgoing flows): a parallel state. */
export function isFork(graph: BpmnGraph, node: BpmnNode): boolean {
  if (flowformElement(node.element, 'flowform:State')) return false;
  return (
    (node.type === 'parallelGateway' || node.type === 'inclusiveGateway') &&
    outgoing(graph, node.id).length > 1
  );
}

/** Outgoing flows in the order a choice tries them: conditional first, the default last. */
export function choiceOrder(flows: BpmnFlow[]): BpmnFlow[] {
  return [...flows.filter((f) => !f.isDefault), ...flows.filter((f) => f.isDefault)];
}

/** The start events of a container, the plain (none) ones first. */
export function startEvents(graph: BpmnGraph, container: string): BpmnNode[] {
  const starts = [...graph.nodes.values()].filter(
    (n) => n.type === 'startEvent' && n.container === container,
  );
  const plain = (n: BpmnNode) => ((n.element.eventDefinitions as unknown[] | undefined) ?? []).length === 0;
  return [...starts.filter(plain), ...starts.filter((n) => !plain(n))];
}
