import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcessDefinition } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import type { ModdleElement } from '../moddle/bpmn-io';
import { readBpmn } from '../moddle/bpmn-io';
import { exportBpmn } from './export-bpmn';

const root = join(import.meta.dirname, '../../../..');
const load = (key: string) =>
  JSON.parse(readFileSync(join(root, 'workflows', `${key}.json`), 'utf8')) as ProcessDefinition;

/** Every flow element of the process, subprocesses included. */
function flowElements(container: ModdleElement): ModdleElement[] {
  return ((container.flowElements as ModdleElement[] | undefined) ?? []).flatMap((e) => [
    e,
    ...flowElements(e),
  ]);
}

async function parsed(xml: string) {
  const { definitions, warnings } = await readBpmn(xml);
  const process = (definitions.rootElements as ModdleElement[])[0]!;
  const plane = ((definitions.diagrams as ModdleElement[])[0]!.plane as ModdleElement)
    .planeElement as ModdleElement[];
  const di = new Map(plane.map((p) => [(p.bpmnElement as ModdleElement).id as string, p]));
  return { warnings, elements: flowElements(process), di };
}

describe('exportBpmn', () => {
  it('given a workflow with a parallel state and timers, when exported, then every element has its shape or edge and the XML reads back without warnings', async () => {
    const { warnings, elements, di } = await parsed(await exportBpmn(load('branch-secretary-reassignment')));
    expect(warnings).toEqual([]);
    const types = new Set(elements.map((e) => e.$type));
    for (const t of [
      'bpmn:UserTask',
      'bpmn:SubProcess',
      'bpmn:BoundaryEvent',
      'bpmn:EndEvent',
      'bpmn:StartEvent',
    ])
      expect(types).toContain(t);
    for (const e of elements) {
      const shape = di.get(e.id as string);
      expect(shape, `${e.id} has DI`).toBeDefined();
      if (e.$type === 'bpmn:SequenceFlow')
        expect((shape!.waypoint as unknown[]).length).toBeGreaterThanOrEqual(2);
      else expect((shape!.bounds as ModdleElement).width).toBeGreaterThan(0);
    }
    expect(new Set(elements.map((e) => e.id)).size).toBe(elements.length);
  });

  it('given a vote, when exported, then the task carries a multi-instance loop other tools show', async () => {
    const { elements } = await parsed(await exportBpmn(load('branch-secretary-reassignment')));
    const task = elements.find((e) => e.id === 'opinions.committee.collecting')!;
    expect((task.loopCharacteristics as ModdleElement).$type).toBe('bpmn:MultiInstanceLoopCharacteristics');
  });

  it('given guarded transitions, when exported, then an exclusive gateway carries CEL conditions and a default flow', async () => {
    const { elements } = await parsed(await exportBpmn(load('hardship-assistance')));
    const gateway = elements.find((e) => e.id === '_choice_branchApproval_on_approve')!;
    expect(gateway.$type).toBe('bpmn:ExclusiveGateway');
    const conditions = elements
      .filter((e) => e.$type === 'bpmn:SequenceFlow' && (e.sourceRef as ModdleElement).id === gateway.id)
      .map((e) => (e.conditionExpression as ModdleElement | undefined)?.body);
    expect(conditions[0]).toContain('data.approvedAmount >');
    expect(gateway.default).toBeDefined();
  });

  it('given the designer’s boxes for every state, when exported, then the shapes take them', async () => {
    const definition = load('labour-competition');
    const positions: Record<string, { x: number; y: number; width: number; height: number }> = {};
    const visit = (states: ProcessDefinition['machine']['states'], prefix: string, depth: number) => {
      Object.entries(states).forEach(([key, s], i) => {
        const path = prefix ? `${prefix}.${key}` : key;
        positions[path] = { x: 1000 + i * 250, y: 100 + depth * 300, width: 190, height: 68 };
        if (s.states) visit(s.states, path, depth + 1);
      });
    };
    visit(definition.machine.states, '', 0);
    const { di } = await parsed(await exportBpmn(definition, { positions }));
    expect(di.get('approval')!.bounds).toMatchObject(positions.approval!);
    expect(di.get('assessment.stations.assessing')!.bounds).toMatchObject(
      positions['assessment.stations.assessing']!,
    );
  });

  it('given a new draft without states or with an initial it lacks, when exported, then it still writes BPMN', async () => {
    const draft = { ...load('labour-competition'), machine: { initial: 'missing', states: {} } };
    const { warnings, elements } = await parsed(await exportBpmn(draft));
    expect(warnings).toEqual([]);
    expect(elements.map((e) => e.$type)).toEqual(['bpmn:StartEvent']);
    const dangling = load('labour-competition');
    dangling.machine.initial = 'nowhere';
    expect((await parsed(await exportBpmn(dangling))).warnings).toEqual([]);
  });

  it('given a step entered only from inside a parallel state, when laid out, then it stands right of that state, the start left of all', async () => {
    const { di } = await parsed(await exportBpmn(load('branch-secretary-reassignment')));
    const box = (id: string) => di.get(id)!.bounds as ModdleElement & { x: number; width: number };
    expect(box('revise').x).toBeGreaterThan(box('opinions').x + box('opinions').width);
    expect(box('_start').x).toBeLessThan(box('opinions').x);
  });
});
