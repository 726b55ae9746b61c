/**
 * Where each BPMN node lands in the statechart. A process or subprocess is a scope (the root, or a
 * compound state); a parallel or inclusive split opens a parallel state whose regions hold what lies
 * on each branch up to the join; a subprocess whose activities start together (no start event, as
 * the export writes a parallel state) is a parallel state whose regions are those activities.
 *
 *   start ─► A ─► (+) ─┬─► B ─┬─► (+) ─► C        A, fork{branch1: B, done | branch2: D, done}, C
 *                      └─► D ─┘
 */
import type { BpmnFlow, BpmnGraph, BpmnNode } from '../graph/bpmn-graph';
import { incoming, outgoing } from '../graph/bpmn-graph';
import { flowformElement } from '../graph/vendor-extensions';
import { stateKey, uniqueKey } from './names';
import { isFork, isStateNode, startEvents } from './node-kinds';

export interface Placement {
  node: string;
  /** The state's path (`fork.branch1.review`). */
  path: string;
  /** The scope holding it ('' for the root). */
  parent: string;
  key: string;
}

export interface Region {
  key: string;
  path: string;
  /** The split's flow into this branch (absent for a subprocess's implicit start). */
  entry?: BpmnFlow;
  /** The first node, for a region started implicitly. */
  start?: string;
}

export interface ForkBlock {
  gateway: string;
  join?: string;
  regions: Region[];
}

export interface ScopePlan {
  placements: Map<string, Placement>;
  forks: Map<string, ForkBlock>;
  /** Join gateway → the split it closes. */
  joins: Map<string, string>;
  /** Subprocesses mapped to parallel states: their regions. */
  parallelContainers: Map<string, Region[]>;
  /** Keys taken per scope path, for synthetic states added later. */
  keys: Map<string, Set<string>>;
  /** Gateways and events passed through (no state of their own). */
  routed: Set<string>;
  /** Where each container's nodes go: process id → '', subprocess id → its state path. */
  containerPath: Map<string, string>;
}

/** Plans the whole process: every node reachable from a start gets a place. */
export function planScopes(graph: BpmnGraph): ScopePlan {
  const plan: ScopePlan = {
    placements: new Map(),
    forks: new Map(),
    joins: new Map(),
    parallelContainers: new Map(),
    keys: new Map(),
    routed: new Set(),
    containerPath: new Map(),
  };
  const planner = new Planner(graph, plan);
  planner.container(graph.process.id as string, '');
  // Nodes only reached across a container's border (a transition leaving a subprocess) land in
  // their own container's scope.
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of planner.pending) {
      const node = graph.nodes.get(id)!;
      const path = plan.containerPath.get(node.container);
      if (path === undefined || plan.placements.has(id) || plan.routed.has(id)) continue;
      planner.assign([id], path);
      grew = true;
    }
  }
  return plan;
}

class Planner {
  readonly pending = new Set<string>();

  constructor(
    private readonly graph: BpmnGraph,
    private readonly plan: ScopePlan,
  ) {}

  keysOf(path: string): Set<string> {
    const keys = this.plan.keys.get(path) ?? new Set<string>();
    this.plan.keys.set(path, keys);
    return keys;
  }

  container(id: string, path: string): void {
    this.plan.containerPath.set(id, path);
    const nodes = [...this.graph.nodes.values()].filter((n) => n.container === id && !n.attachedTo);
    const starts = startEvents(this.graph, id);
    const implicit = nodes.filter(
      (n) => n.type !== 'startEvent' && incoming(this.graph, n.id).length === 0 && !isCompensation(n),
    );
    const element = this.graph.nodes.get(id)?.element;
    const declared = element && flowformElement(element, 'flowform:State')?.type === 'parallel';
    if (declared) {
      // The export's parallel state: every activity in it is a region of its own.
      const regions = nodes.filter((n) => n.type !== 'startEvent').map((n) => this.place(n, path));
      this.plan.parallelContainers.set(
        id,
        regions.map((p) => ({ key: p.key, path: p.path })),
      );
      return;
    }
    if (element && starts.length === 0 && implicit.length > 1) {
      this.plan.parallelContainers.set(id, this.regions(implicit, path));
      return;
    }
    const entries = starts.length > 0 ? [starts[0]!.id] : implicit.slice(0, 1).map((n) => n.id);
    this.assign(entries, path);
  }

  /** An implicitly started region per activity: a lone subprocess is the region itself. */
  private regions(starts: BpmnNode[], path: string): Region[] {
    return starts.map((start, i) => {
      if (start.type === 'subProcess' && outgoing(this.graph, start.id).length === 0) {
        const placed = this.place(start, path);
        return { key: placed.key, path: placed.path };
      }
      const key = uniqueKey(`branch${i + 1}`, this.keysOf(path));
      const regionPath = `${path}.${key}`;
      this.assign([start.id], regionPath);
      return { key, path: regionPath, start: start.id };
    });
  }

  private place(node: BpmnNode, parent: string): Placement {
    const ext = flowformElement(node.element, 'flowform:State');
    const key = uniqueKey(stateKey(String(ext?.key ?? node.id)), this.keysOf(parent));
    const path = parent ? `${parent}.${key}` : key;
    const placement = { node: node.id, path, parent, key };
    this.plan.placements.set(node.id, placement);
    if (isStateNode(node) && node.type === 'subProcess') this.container(node.id, path);
    return placement;
  }

  /** Places what is reachable from `entries` in the scope at `path`, up to `stop`, within `allowed`. */
  assign(entries: string[], path: string, stop?: string, allowed?: Set<string>): void {
    const queue = [...entries];
    const container = this.containerOf(path, entries[0]);
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === stop || (allowed && !allowed.has(id))) continue;
      if (this.plan.placements.has(id) || this.plan.routed.has(id)) continue;
      const node = this.graph.nodes.get(id);
      if (!node) continue;
      if (container !== undefined && node.container !== container) {
        this.pending.add(id);
        continue;
      }
      const next = (from: string) => outgoing(this.graph, from).map((f) => f.target);
      if (isFork(this.graph, node)) {
        const join = this.fork(node, path);
        if (join) queue.push(...next(join));
      } else if (isStateNode(node)) {
        this.place(node, path);
        queue.push(...next(id));
        for (const b of node.boundaries)
          if (this.graph.nodes.get(b)?.element.cancelActivity !== false) queue.push(...next(b));
      } else {
        this.plan.routed.add(id);
        queue.push(...next(id));
      }
    }
  }

  private containerOf(path: string, entry: string | undefined): string | undefined {
    for (const [container, p] of this.plan.containerPath) if (p === path) return container;
    return entry ? this.graph.nodes.get(entry)?.container : undefined;
  }

  /** A split: a parallel state, a region per branch up to the join; answers the join. */
  private fork(gateway: BpmnNode, path: string): string | undefined {
    const placed = this.place(gateway, path);
    const branches = outgoing(this.graph, gateway.id);
    const reach = branches.map((b) => this.distances(b.target, gateway.id));
    const join = this.findJoin(gateway, reach);
    const afterJoin = join ? new Set([join, ...this.distances(join, gateway.id).keys()]) : new Set<string>();
    const block: ForkBlock = { gateway: gateway.id, ...(join ? { join } : {}), regions: [] };
    this.plan.forks.set(gateway.id, block);
    if (join) {
      this.plan.joins.set(join, gateway.id);
      this.plan.routed.add(join);
    }
    branches.forEach((branch, i) => {
      const key = uniqueKey(`branch${i + 1}`, this.keysOf(placed.path));
      const regionPath = `${placed.path}.${key}`;
      block.regions.push({ key, path: regionPath, entry: branch });
      const allowed = new Set([...reach[i]!.keys()].filter((id) => !afterJoin.has(id)));
      this.assign([branch.target], regionPath, join, allowed);
    });
    return join;
  }

  /** The nearest gateway every branch reaches with two or more incoming flows. */
  private findJoin(gateway: BpmnNode, reach: Map<string, number>[]): string | undefined {
    let best: { id: string; distance: number } | undefined;
    for (const [id] of reach[0] ?? []) {
      const node = this.graph.nodes.get(id)!;
      if (!node.type.endsWith('Gateway') || incoming(this.graph, id).length < 2) continue;
      if (!reach.every((r) => r.has(id))) continue;
      const distance = Math.max(...reach.map((r) => r.get(id)!)) + (node.type === gateway.type ? 0 : 0.5);
      if (!best || distance < best.distance) best = { id, distance };
    }
    return best?.id;
  }

  /** Breadth-first distances from a node, never through `avoid`, within the node's container. */
  private distances(from: string, avoid: string): Map<string, number> {
    const seen = new Map<string, number>([[from, 0]]);
    const queue = [from];
    while (queue.length > 0) {
      const id = queue.shift()!;
      const node = this.graph.nodes.get(id);
      const targets = [
        ...outgoing(this.graph, id),
        ...(node?.boundaries ?? []).flatMap((b) => outgoing(this.graph, b)),
      ].map((f) => f.target);
      for (const t of targets) {
        if (t === avoid || seen.has(t)) continue;
        seen.set(t, seen.get(id)! + 1);
        queue.push(t);
      }
    }
    return seen;
  }
}

function isCompensation(node: BpmnNode): boolean {
  return node.element.isForCompensation === true || node.type === 'boundaryEvent';
}
