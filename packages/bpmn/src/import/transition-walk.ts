/**
 * From a state's outgoing flows to its transitions: walk through exclusive gateways (each branch's
 * condition becomes a CEL guard, conditions along the way are joined with `&&`, the default branch
 * comes last) until a state, a parallel split (its parallel state) or a join (the end of the
 * branch: the region's final state). `flowform:transition` extensions, as the export writes them,
 * give the trigger, the exact guard and the actions.
 */
import type { ActionRef, GuardRef, LocalizedText } from '@flowform/engine/browser';
import type { BpmnFlow } from '../graph/bpmn-graph';
import { outgoing } from '../graph/bpmn-graph';
import { flowformElement } from '../graph/vendor-extensions';
import type { Trigger } from '../moddle/flowform-extension';
import { conditionToCel } from './condition-to-cel';
import { type ImportContext, needField } from './import-context';
import { bothLanguages } from './names';
import { choiceOrder } from './node-kinds';
import type { ScopePlan } from './scope-plan';

/** A transition found by the walk; `target` is an absolute state path (spelled later). */
export interface TransitionDraft {
  target?: string;
  guard?: string;
  actions?: ActionRef[];
  description?: LocalizedText;
  /** From the first flow's `flowform:transition`, when the export wrote one. */
  trigger?: Trigger;
  event?: string;
}

interface FlowDetails {
  trigger?: Trigger;
  event?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  description?: LocalizedText;
  targetless?: boolean;
}

/** Reads a flow's `flowform:transition`. */
export function flowDetails(flow: BpmnFlow): FlowDetails | undefined {
  const ext = flowformElement(flow.element, 'flowform:Transition');
  if (!ext) return undefined;
  const body = typeof ext.body === 'string' && ext.body.trim() ? JSON.parse(ext.body) : {};
  return {
    ...(ext.trigger ? { trigger: ext.trigger as Trigger } : {}),
    ...(ext.event ? { event: String(ext.event) } : {}),
    ...body,
  };
}

export class TransitionWalker {
  /** Region finals created for joins: region path → final key. */
  readonly regionFinals = new Map<string, string>();

  constructor(
    private readonly ctx: ImportContext,
    private readonly plan: ScopePlan,
    private readonly addFinal: (regionPath: string) => string,
  ) {}

  /** The transitions a list of flows leads to, from the state at `sourcePath`. */
  walk(flows: BpmnFlow[], sourcePath: string): TransitionDraft[] {
    return choiceOrder(flows).flatMap((f) => this.follow(f, sourcePath, [], new Set(), flowDetails(f)));
  }

  private follow(
    flow: BpmnFlow,
    sourcePath: string,
    guards: string[],
    seen: Set<string>,
    first: FlowDetails | undefined,
  ): TransitionDraft[] {
    const details = flowDetails(flow);
    const guard = this.guardOf(flow, details);
    const all = guard ? [...guards, guard] : guards;
    const head = {
      ...(first?.trigger ? { trigger: first.trigger } : {}),
      ...(first?.event ? { event: first.event } : {}),
    };
    const end = (target: string | undefined): TransitionDraft[] => [
      {
        ...head,
        ...(target && !details?.targetless ? { target } : {}),
        ...(all.length ? { guard: joinGuards(all) } : {}),
        ...(details?.actions ? { actions: details.actions } : {}),
        ...(details?.description
          ? { description: details.description }
          : flow.name
            ? { description: bothLanguages(flow.name) }
            : {}),
      },
    ];
    const placed = this.plan.placements.get(flow.target);
    if (placed) return end(placed.path);
    const fork = this.plan.joins.get(flow.target);
    if (fork) {
      const region = this.plan.forks
        .get(fork)
        ?.regions.find((r) => sourcePath === r.path || sourcePath.startsWith(`${r.path}.`));
      if (region) return end(`${region.path}.${this.addFinal(region.path)}`);
      this.ctx.report.note(
        { id: flow.target, type: 'gateway' },
        'partial',
        undefined,
        `flow ${flow.id} reaches this join from outside its split: not mapped`,
      );
      return [];
    }
    const target = this.ctx.graph.nodes.get(flow.target);
    if (!target || !this.plan.routed.has(target.id)) {
      this.ctx.report.note(
        { id: flow.id, type: 'sequenceFlow' },
        'unmapped',
        undefined,
        `its target '${flow.target}' has no state`,
      );
      return [];
    }
    if (seen.has(target.id)) {
      this.ctx.report.note(
        { id: target.id, type: target.type },
        'partial',
        undefined,
        'a loop of gateways with no state on it: the loop is not mapped',
      );
      return [];
    }
    const next = new Set(seen).add(target.id);
    return choiceOrder(outgoing(this.ctx.graph, target.id)).flatMap((f) =>
      this.follow(f, sourcePath, all, next, first),
    );
  }

  /** The CEL guard of a flow: the extension's exact one, else its condition translated. */
  private guardOf(flow: BpmnFlow, details: FlowDetails | undefined): string | undefined {
    if (details?.guard) return details.guard.params.expr;
    if (details || !flow.condition) return undefined;
    const translated = conditionToCel(flow.condition);
    const ref = { id: flow.id, type: 'sequenceFlow', ...(flow.name ? { name: flow.name } : {}) };
    if (!translated.ok) {
      this.ctx.report.note(
        ref,
        'partial',
        'guard false (to write)',
        `condition '${flow.condition}' not translated (${translated.reason}): the guard is 'false' until you write it in CEL`,
      );
      return 'false';
    }
    for (const [name, type] of translated.variables) needField(this.ctx, name, type);
    this.ctx.report.note(ref, 'mapped', `guard ${translated.cel}`);
    return translated.cel;
  }
}

function joinGuards(guards: string[]): string {
  if (guards.length === 1) return guards[0]!;
  return guards.map((g) => (/\|\||\?/.test(g) ? `(${g})` : g)).join(' && ');
}
