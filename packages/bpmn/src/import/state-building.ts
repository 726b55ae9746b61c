/**
 * Each placed node becomes a state: its own details (a task, a child process, a final), then its
 * transitions from the walk, filed by trigger: `on` events, `after` delays (boundary timers),
 * `always`, `onDone` (subprocess, split), `invoke.onDone` (call activity).
 */
import type { StateDef, TransitionDef, TransitionSpec } from '@flowform/engine/browser';
import type { BpmnFlow, BpmnNode } from '../graph/bpmn-graph';
import { outgoing } from '../graph/bpmn-graph';
import { flowformElement, vendorElements, zeebeAttribute } from '../graph/vendor-extensions';
import type { ModdleElement } from '../moddle/bpmn-io';
import { TRIGGERS, type Trigger } from '../moddle/flowform-extension';
import { eventDefinition, timerOf } from './duration-mapping';
import { type ImportContext, needField, reportRef } from './import-context';
import { kebabKey } from './names';
import { PASS_THROUGH_TYPES } from './node-kinds';
import type { ScopePlan } from './scope-plan';
import type { TransitionDraft, TransitionWalker } from './transition-walk';
import { mapUserTask } from './user-task-mapping';

/** Transitions of one state, by trigger; `after` and `on` keyed by delay or event. */
export interface Filed {
  on: Map<string, TransitionDraft[]>;
  after: Map<string, TransitionDraft[]>;
  always: TransitionDraft[];
  onDone: TransitionDraft[];
  invokeDone: TransitionDraft[];
}

export function emptyFiled(): Filed {
  return { on: new Map(), after: new Map(), always: [], onDone: [], invokeDone: [] };
}

export class StateBuilder {
  constructor(
    private readonly ctx: ImportContext,
    private readonly plan: ScopePlan,
    private readonly walker: TransitionWalker,
  ) {}

  /** The state of a node without its children; `filed` receives its transitions. */
  build(node: BpmnNode, path: string, filed: Filed): StateDef {
    const ext = flowformElement(node.element, 'flowform:State');
    if (ext) return this.fromExtension(node, ext, path, filed);
    const ref = reportRef(node);
    const flows = outgoing(this.ctx.graph, node.id);
    this.boundaries(node, path, filed);
    if (node.type === 'userTask' || node.type === 'manualTask') {
      const mapped = mapUserTask(this.ctx, node);
      const drafts = this.walker.walk(flows, path);
      for (const event of mapped.events) file(filed.on, event, drafts);
      const to = `state ${path} (user task${mapped.task.voting ? `, vote ${mapped.task.voting.mode}` : ''})`;
      this.ctx.report.note(ref, mapped.partial ? 'partial' : 'mapped', to);
      for (const n of mapped.notes) this.ctx.report.note(ref, 'mapped', undefined, n);
      return { task: mapped.task };
    }
    if (node.type === 'endEvent') {
      const kinds = ((node.element.eventDefinitions as ModdleElement[] | undefined) ?? []).map(
        (d) => d.$type,
      );
      this.ctx.report.note(
        ref,
        kinds.length ? 'partial' : 'mapped',
        `final state ${path}`,
        kinds.length ? `${kinds.join(', ')}: the case simply ends here` : undefined,
      );
      // A top-level end ends the case; BPMN does not say how, so `completed` until the author says.
      return path.includes('.') ? { type: 'final' } : { type: 'final', outcome: 'completed' };
    }
    if (node.type === 'callActivity') return this.callActivity(node, path, flows, filed);
    if (node.type === 'subProcess' || this.plan.parallelContainers.has(node.id)) {
      filed.onDone.push(...this.walker.walk(flows, path));
      const parallel = this.plan.parallelContainers.has(node.id);
      this.ctx.report.note(ref, 'mapped', `${parallel ? 'parallel' : 'compound'} state ${path}`);
      return parallel ? { type: 'parallel' } : {};
    }
    if (node.type === 'parallelGateway' || node.type === 'inclusiveGateway')
      return this.fork(node, path, filed);
    const timer = eventDefinition(node.element, 'bpmn:TimerEventDefinition');
    if (node.type === 'intermediateCatchEvent' && timer) {
      const spec = timerOf(timer);
      const drafts = this.walker.walk(flows, path);
      if (spec.duration) {
        file(filed.after, spec.duration, drafts);
        this.ctx.report.note(ref, 'mapped', `state ${path} waiting ${spec.duration}`);
      } else {
        filed.always.push(...drafts);
        this.ctx.report.note(
          ref,
          'partial',
          `pass-through state ${path}`,
          `timer ${spec.kind} '${spec.text}' is not a fixed duration: set the delay`,
        );
      }
      return {};
    }
    if (PASS_THROUGH_TYPES.has(node.type)) {
      filed.always.push(...this.walker.walk(flows, path));
      this.ctx.report.note(
        ref,
        'partial',
        `pass-through state ${path}`,
        `a ${node.type} is not executable in Flowform: the case passes straight on (add a user task or an action if it needs one)`,
      );
      return {
        description: { 'zh-CN': `原 BPMN ${node.type}，需补充`, en: `Was a BPMN ${node.type}: to complete` },
      };
    }
    this.ctx.report.note(ref, 'unmapped', undefined, `a ${node.type} has no Flowform counterpart`);
    return {};
  }

  private callActivity(node: BpmnNode, path: string, flows: BpmnFlow[], filed: Filed): StateDef {
    const ref = reportRef(node);
    const called =
      (typeof node.element.calledElement === 'string' ? node.element.calledElement : undefined) ??
      zeebeAttribute(this.ctx.graph, node.element, 'calledElement', 'processId');
    filed.invokeDone.push(...this.walker.walk(flows, path));
    const input: Record<string, string> = {};
    for (const mapping of vendorElements(this.ctx.graph, node.element, 'in')) {
      const source = typeof mapping.source === 'string' ? mapping.source : undefined;
      const target = typeof mapping.target === 'string' ? mapping.target : undefined;
      if (source && target && /^[a-zA-Z]\w*$/.test(source)) {
        input[target] = `data.${source}`;
        needField(this.ctx, source, 'string');
      }
    }
    if (!called) {
      this.ctx.report.note(ref, 'partial', `state ${path}`, 'no called element: name the child process');
    }
    const process = kebabKey(called ?? node.id, 'child-process');
    this.ctx.report.note(
      ref,
      'mapped',
      `state ${path} (invoke ${process})`,
      `the child process '${process}' must exist as a Flowform process`,
    );
    return { invoke: { process, ...(Object.keys(input).length ? { input } : {}) } };
  }

  private fork(node: BpmnNode, path: string, filed: Filed): StateDef {
    const block = this.plan.forks.get(node.id)!;
    const ref = reportRef(node);
    if (block.join) {
      filed.onDone.push(...this.walker.walk(outgoing(this.ctx.graph, block.join), path));
      const join = this.ctx.graph.nodes.get(block.join)!;
      this.ctx.report.note(reportRef(join), 'mapped', `the end of parallel state ${path} (onDone)`);
    } else {
      this.ctx.report.note(ref, 'partial', undefined, 'the split has no join: the branches end on their own');
    }
    const inclusive = node.type === 'inclusiveGateway';
    this.ctx.report.note(
      ref,
      'mapped',
      `parallel state ${path} (${block.regions.length} regions)`,
      inclusive ? 'inclusive split: each region first checks its condition, else ends at once' : undefined,
    );
    return { type: 'parallel' };
  }

  /** Boundary events: interrupting timers become `after`; the rest are reported. */
  private boundaries(node: BpmnNode, path: string, filed: Filed): void {
    for (const id of node.boundaries) {
      const boundary = this.ctx.graph.nodes.get(id)!;
      const ref = reportRef(boundary);
      const timer = eventDefinition(boundary.element, 'bpmn:TimerEventDefinition');
      const spec = timer ? timerOf(timer) : undefined;
      const interrupting = boundary.element.cancelActivity !== false;
      if (spec?.duration && interrupting) {
        file(filed.after, spec.duration, this.walker.walk(outgoing(this.ctx.graph, id), path));
        this.ctx.report.note(ref, 'mapped', `after ${spec.duration} on ${path}`);
      } else if (spec?.duration) {
        this.ctx.report.note(
          ref,
          'partial',
          `reminder after ${spec.duration} on ${path}`,
          'a non-interrupting timer becomes a reminder; the path after it is not mapped',
        );
      } else {
        const kind = spec
          ? `timer ${spec.kind} '${spec.text}' is not a fixed duration`
          : `${((boundary.element.eventDefinitions as ModdleElement[] | undefined) ?? []).map((d) => d.$type).join(', ') || 'this'} boundary event has no Flowform counterpart (tasks end by their outcomes)`;
        this.ctx.report.note(ref, 'unmapped', undefined, kind);
      }
    }
  }

  /** A node the export wrote: its `flowform:state` gives the details, the flows the transitions. */
  private fromExtension(node: BpmnNode, ext: ModdleElement, path: string, filed: Filed): StateDef {
    const body = typeof ext.body === 'string' && ext.body.trim() ? (JSON.parse(ext.body) as StateDef) : {};
    const drafts = [
      ...this.walker.walk(outgoing(this.ctx.graph, node.id), path),
      ...node.boundaries.flatMap((b) => this.walker.walk(outgoing(this.ctx.graph, b), path)),
    ];
    for (const d of drafts) {
      const trigger: Trigger = d.trigger && TRIGGERS.includes(d.trigger) ? d.trigger : 'always';
      if (trigger === 'on' || trigger === 'after') file(filed[trigger], d.event ?? '', [d]);
      else filed[trigger].push(d);
    }
    for (const id of node.boundaries)
      this.ctx.report.note(reportRef(this.ctx.graph.nodes.get(id)!), 'mapped', `after on ${path}`);
    this.ctx.report.note(reportRef(node), 'mapped', `state ${path}`);
    const type = ext.type as StateDef['type'] | undefined;
    return { ...(type && type !== 'compound' && type !== 'atomic' ? { type } : {}), ...body };
  }
}

function file(map: Map<string, TransitionDraft[]>, key: string, drafts: TransitionDraft[]): void {
  map.set(key, [...(map.get(key) ?? []), ...drafts]);
}

/** A list of transitions, written as compactly as the format allows. */
export function compactSpec(list: TransitionDef[]): TransitionSpec {
  if (list.length === 1) {
    const only = list[0]!;
    const keys = Object.keys(only);
    if (keys.length === 1 && keys[0] === 'target') return only.target!;
    return only;
  }
  return list;
}
