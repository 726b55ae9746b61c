/**
 * BPMN 2.0 XML → a Flowform definition draft, placeholder forms and a report of every element.
 *
 *   XML ─readBpmn─► definitions ─readGraph─► graph ─planScopes─► places ─assembleMachine─► machine
 *                                                                               │
 *         report (every element: mapped / partial / not mapped) ◄── definition + forms ─► lint
 */
import {
  type AssignmentRule,
  type DefinitionBundle,
  type FormDefinition,
  lintDefinition,
  type ProcessDefinition,
  type StateDef,
} from '@flowform/engine/browser';
import { readGraph } from '../graph/bpmn-graph';
import { flowformElement, vendorAttribute } from '../graph/vendor-extensions';
import { type ModdleElement, readBpmn } from '../moddle/bpmn-io';
import { mapForm } from './form-mapping';
import type { ImportContext, ImportOptions } from './import-context';
import { type ImportReport, ReportBuilder } from './import-report';
import { assembleMachine } from './machine-assembly';
import { bothLanguages, kebabKey } from './names';
import { startEvents } from './node-kinds';
import { planScopes } from './scope-plan';

export interface BpmnImport {
  /** The draft: a definition and its forms (placeholders for the form keys the BPMN names). */
  bundle: DefinitionBundle;
  report: ImportReport;
}

/** Thrown for a file that is not BPMN (not XML, or no process in it). */
export class BpmnImportError extends Error {}

export async function importBpmn(xml: string, options: ImportOptions = {}): Promise<BpmnImport> {
  let read: Awaited<ReturnType<typeof readBpmn>>;
  try {
    read = await readBpmn(xml);
  } catch (error) {
    throw new BpmnImportError(`not BPMN 2.0 XML: ${(error as Error).message}`);
  }
  const graph = readGraph(read.definitions);
  if (!graph) throw new BpmnImportError('the file holds no BPMN process');
  const processId = String(graph.process.id);
  const base = definitionExtension(graph.process);
  const ctx: ImportContext = {
    graph,
    report: new ReportBuilder(processId),
    processKey:
      options.key ?? base?.key ?? kebabKey(String(graph.process.name ?? processId), 'imported-process'),
    unit: options.unit ?? 'root',
    fields: new Map(),
    forms: {},
  };
  const plan = planScopes(graph);
  const machine = assembleMachine(ctx, plan);
  const start = startEvents(graph, processId)[0];
  const startForm = start ? mapForm(ctx, start) : { notes: [] };
  if (start)
    for (const n of startForm.notes)
      ctx.report.note({ id: start.id, type: start.type }, 'mapped', undefined, n);
  reportTheRest(ctx, plan.placements, plan.routed);
  const definition: ProcessDefinition = base
    ? {
        ...base,
        key: ctx.processKey,
        machine: { ...base.machine, ...(machine ?? { initial: '', states: {} }) },
      }
    : {
        key: ctx.processKey,
        name: bothLanguages(String(graph.process.name ?? processId)),
        description: description(graph.process, processId),
        caseSchema: { type: 'object', properties: caseProperties(ctx) },
        starters: starters(ctx),
        ...(startForm.key ? { startForm: startForm.key } : {}),
        machine: machine ?? { initial: '', states: {} },
      };
  const forms = completeForms(definition, { ...ctx.forms, ...(options.forms ?? {}) });
  const lint = lintDefinition(definition, { forms });
  const order = [
    processId,
    ...graph.nodes.keys(),
    ...graph.flows.map((f) => f.id),
    ...graph.others.map((o) => o.id),
  ];
  return { bundle: { definition, forms }, report: ctx.report.build(lint, read.warnings, order) };
}

function definitionExtension(process: ModdleElement): ProcessDefinition | undefined {
  const ext = flowformElement(process, 'flowform:Definition');
  if (typeof ext?.body !== 'string') return undefined;
  return JSON.parse(ext.body) as ProcessDefinition;
}

function description(process: ModdleElement, id: string) {
  const docs = (process.documentation as ModdleElement[] | undefined)
    ?.map((d) => String(d.text ?? ''))
    .join('\n');
  if (docs?.trim()) return bothLanguages(docs.trim());
  return { 'zh-CN': `由 BPMN 流程 ${id} 导入的草稿`, en: `Draft imported from the BPMN process ${id}` };
}

function caseProperties(ctx: ImportContext): Record<string, unknown> {
  return Object.fromEntries(
    [...ctx.fields].map(([name, type]) => [
      name,
      type === 'array' ? { type: 'array', items: { type: 'string' } } : { type },
    ]),
  );
}

/** Who may start: the process's candidate starters, else a role to set. */
function starters(ctx: ImportContext): AssignmentRule {
  const el = ctx.graph.process;
  const ref = { id: String(el.id), type: 'process', ...(el.name ? { name: String(el.name) } : {}) };
  const users = list(vendorAttribute(ctx.graph, el, 'candidateStarterUsers'));
  const groups = list(vendorAttribute(ctx.graph, el, 'candidateStarterGroups'));
  const rules: AssignmentRule[] = [
    ...(users.length ? [{ kind: 'users' as const, users }] : []),
    ...groups.map((role) => ({ kind: 'role' as const, role, unit: ctx.unit })),
  ];
  if (rules.length > 0) {
    ctx.report.note(ref, 'mapped', 'the definition (starters from candidate starters)');
    return rules.length === 1 ? rules[0]! : { kind: 'anyOf', rules };
  }
  ctx.report.note(
    ref,
    'partial',
    'the definition',
    `who may start is not in the BPMN: starters is role 'starter' in unit '${ctx.unit}' until you set it`,
  );
  return { kind: 'role', role: 'starter', unit: ctx.unit };
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every form the draft names exists: the given ones, else an empty placeholder. */
function completeForms(
  definition: ProcessDefinition,
  known: Record<string, FormDefinition>,
): Record<string, FormDefinition> {
  const forms = { ...known };
  const keys = new Set<string>(definition.startForm ? [definition.startForm] : []);
  const visit = (states: Record<string, StateDef>) => {
    for (const state of Object.values(states)) {
      if (state.task?.form) keys.add(state.task.form);
      if (state.states) visit(state.states);
    }
  };
  visit(definition.machine.states);
  for (const key of keys)
    if (!forms[key])
      forms[key] = { key, version: 1, title: bothLanguages(key), schema: { type: 'object', properties: {} } };
  return forms;
}

/** Report what the mapping did not already: routing gateways and events, flows, other elements. */
function reportTheRest(ctx: ImportContext, placed: Map<string, unknown>, routed: Set<string>): void {
  const { graph, report } = ctx;
  for (const node of graph.nodes.values()) {
    if (report.has(node.id)) continue;
    const ref = { id: node.id, type: node.type, ...(node.name ? { name: node.name } : {}) };
    if (routed.has(node.id)) {
      const why = routingNote(node.type);
      report.note(ref, why.status, why.to, why.note);
    } else if (node.attachedTo && !placed.has(node.attachedTo)) {
      report.note(ref, 'unmapped', undefined, 'its activity has no state');
    } else if (node.type === 'subProcess' && node.element.triggeredByEvent) {
      report.note(ref, 'unmapped', undefined, 'an event subprocess has no Flowform counterpart');
    } else if (!placed.has(node.id)) {
      report.note(ref, 'unmapped', undefined, 'not reachable from the start event');
    }
  }
  for (const flow of graph.flows) {
    if (report.has(flow.id)) continue;
    const mapped =
      placed.has(flow.source) ||
      routed.has(flow.source) ||
      (graph.nodes.get(flow.source)?.attachedTo && report.status(flow.source) === 'mapped');
    report.note(
      { id: flow.id, type: 'sequenceFlow', ...(flow.name ? { name: flow.name } : {}) },
      mapped ? 'mapped' : 'unmapped',
      mapped ? `transition ${flow.source} → ${flow.target}` : undefined,
      mapped ? undefined : 'its source is not mapped',
    );
  }
  for (const other of graph.others) report.note(other, 'unmapped', undefined, otherNote(other.type));
}

function routingNote(type: string): { status: 'mapped' | 'partial'; to?: string; note?: string } {
  if (type === 'exclusiveGateway') return { status: 'mapped', to: 'guards on the transitions through it' };
  if (type === 'startEvent') return { status: 'mapped', to: 'the initial state' };
  if (type === 'parallelGateway' || type === 'inclusiveGateway')
    return { status: 'partial', to: 'a merge', note: 'a join without its split: passed through' };
  return {
    status: 'partial',
    to: 'passed through',
    note: `a ${type} has no Flowform counterpart: the flow passes through it`,
  };
}

function otherNote(type: string): string {
  if (type === 'lane') return 'lanes are not roles in Flowform: set each task’s assignment';
  if (type === 'textAnnotation' || type === 'association')
    return 'a note for readers: not part of the process';
  if (type === 'participant' || type === 'messageFlow')
    return 'collaboration between pools has no counterpart';
  return `a ${type} has no Flowform counterpart`;
}
