/** The export model and its layout as bpmn-moddle elements: the process, its flow elements, BPMNDI. */
import type { BpmnModdle } from 'bpmn-moddle';
import type { ModdleElement } from '../moddle/bpmn-io';
import type { ExportModel } from './export-model';
import type { Layout } from './layered-layout';

export function toModdle(moddle: BpmnModdle, model: ExportModel, layout: Layout): ModdleElement {
  const ext = (type: string, props: Record<string, unknown>) =>
    moddle.create('bpmn:ExtensionElements', { values: [moddle.create(type, props)] });
  const expression = (body: string, language?: string) =>
    moddle.create('bpmn:FormalExpression', { body, ...(language ? { language } : {}) });
  const process = moddle.create('bpmn:Process', {
    id: model.processId,
    name: model.processName,
    isExecutable: false,
    flowElements: [],
    extensionElements: ext('flowform:Definition', { body: model.definitionBody }),
  });
  const elements = new Map<string, ModdleElement>([[model.processId, process]]);
  for (const node of model.nodes) {
    const props: Record<string, unknown> = { id: node.id, ...(node.name ? { name: node.name } : {}) };
    if (node.shape === 'container') props.flowElements = [];
    if (typeof node.props.calledElement === 'string') props.calledElement = node.props.calledElement;
    if (typeof node.props.timer === 'string')
      props.eventDefinitions = [
        moddle.create('bpmn:TimerEventDefinition', { timeDuration: expression(node.props.timer) }),
      ];
    const loop = node.props.loop as { isSequential: boolean; condition?: string } | undefined;
    if (loop)
      props.loopCharacteristics = moddle.create('bpmn:MultiInstanceLoopCharacteristics', {
        isSequential: loop.isSequential,
        ...(loop.condition ? { completionCondition: expression(loop.condition) } : {}),
      });
    if (node.attachedTo) {
      props.attachedToRef = elements.get(node.attachedTo);
      props.cancelActivity = node.props.cancelActivity !== false;
    }
    if (node.state_ext) props.extensionElements = ext('flowform:State', node.state_ext);
    const element = moddle.create(node.type, props);
    elements.set(node.id, element);
    (elements.get(node.container)!.flowElements as ModdleElement[]).push(element);
  }
  const flows = new Map<string, ModdleElement>();
  for (const flow of model.flows) {
    const source = elements.get(flow.source)!;
    const target = elements.get(flow.target)!;
    const element = moddle.create('bpmn:SequenceFlow', {
      id: flow.id,
      ...(flow.name ? { name: flow.name } : {}),
      sourceRef: source,
      targetRef: target,
      ...(flow.condition ? { conditionExpression: expression(flow.condition, 'cel') } : {}),
      ...(flow.ext ? { extensionElements: ext('flowform:Transition', flow.ext) } : {}),
    });
    flows.set(flow.id, element);
    pushTo(source, 'outgoing', element);
    pushTo(target, 'incoming', element);
    (elements.get(flow.container)!.flowElements as ModdleElement[]).push(element);
  }
  for (const node of model.nodes)
    if (node.defaultFlow) elements.get(node.id)!.default = flows.get(node.defaultFlow);
  const planeElement: ModdleElement[] = [];
  for (const node of model.nodes) {
    const b = layout.shapes.get(node.id);
    if (!b) continue;
    planeElement.push(
      moddle.create('bpmndi:BPMNShape', {
        id: `${node.id}_di`,
        bpmnElement: elements.get(node.id),
        bounds: moddle.create('dc:Bounds', { ...b }),
        ...(node.shape === 'container' ? { isExpanded: true } : {}),
      }),
    );
  }
  for (const flow of model.flows) {
    const points = layout.edges.get(flow.id);
    if (!points) continue;
    planeElement.push(
      moddle.create('bpmndi:BPMNEdge', {
        id: `${flow.id}_di`,
        bpmnElement: flows.get(flow.id),
        waypoint: points.map((p) => moddle.create('dc:Point', p)),
      }),
    );
  }
  const diagram = moddle.create('bpmndi:BPMNDiagram', {
    id: '_diagram',
    plane: moddle.create('bpmndi:BPMNPlane', { id: '_plane', bpmnElement: process, planeElement }),
  });
  return moddle.create('bpmn:Definitions', {
    id: '_definitions',
    targetNamespace: 'https://flowform.dev/bpmn',
    exporter: 'Flowform',
    exporterVersion: '1',
    rootElements: [process],
    diagrams: [diagram],
  });
}

function pushTo(element: ModdleElement, property: 'incoming' | 'outgoing', flow: ModdleElement): void {
  const list = (element[property] as ModdleElement[] | undefined) ?? [];
  list.push(flow);
  element[property] = list;
}
