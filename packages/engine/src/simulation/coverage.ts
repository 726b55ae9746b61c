/**
 * Coverage of a definition by simulated paths: states entered and transitions taken, against every
 * state and every declared transition (returns counted per target).
 */
import type { FlowEdge } from '../lint/flow-graph';
import { entrySet } from '../lint/flow-graph';
import type { StateIndex } from '../machine/state-index';
import type { CoverageFigure } from './simulation-types';

/** A transition's identity: its JSON pointer, and for returns the target too. */
export function edgeKey(edge: FlowEdge): string {
  return edge.kind === 'return' ? `${edge.pointer}#${edge.target}` : edge.pointer;
}

/** `from → to (event)`, readable. */
export function describeEdge(edge: FlowEdge): string {
  const event =
    edge.kind === 'on'
      ? edge.event
      : edge.kind === 'after'
        ? `after ${edge.event.slice(edge.event.lastIndexOf('.') + 1)}`
        : edge.kind === 'return'
          ? 'return'
          : edge.kind === 'childDone'
            ? 'child done'
            : edge.kind === 'onDone'
              ? 'done'
              : 'always';
  return `${edge.from} → ${edge.target ?? '(stay)'} (${event})`;
}

export class CoverageTracker {
  private readonly states = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly byKey: Map<string, FlowEdge>;

  constructor(
    private readonly index: StateIndex,
    private readonly edges: FlowEdge[],
  ) {
    this.byKey = new Map(edges.map((e) => [edgeKey(e), e]));
  }

  /** Records the states active after a step and the transitions it took; returns their descriptions. */
  record(active: string[], pointers: string[], returned?: { from: string; target: string }): string[] {
    for (const id of active) this.states.add(id);
    const edges: FlowEdge[] = [];
    for (const pointer of pointers) {
      const edge = this.byKey.get(pointer);
      if (edge) edges.push(edge);
    }
    if (returned) {
      const edge = this.edges.find(
        (e) => e.kind === 'return' && e.from === returned.from && e.target === returned.target,
      );
      if (edge) edges.push(edge);
    }
    for (const edge of edges) {
      this.taken.add(edgeKey(edge));
      if (edge.target) for (const id of entrySet(this.index, edge.target)) this.states.add(id);
    }
    return edges.map(describeEdge);
  }

  /** Initial states of a new case (eventless chains are recorded by their transitions). */
  recordStart(initial: string): void {
    for (const id of entrySet(this.index, initial)) this.states.add(id);
  }

  figures(): { states: CoverageFigure; transitions: CoverageFigure } {
    const allStates = [...this.index.values()].filter((s) => s.kind !== 'history').map((s) => s.id);
    const missingStates = allStates.filter((id) => !this.states.has(id));
    const missingEdges = this.edges.filter((e) => !this.taken.has(edgeKey(e)));
    return {
      states: {
        covered: allStates.length - missingStates.length,
        total: allStates.length,
        missing: missingStates,
      },
      transitions: {
        covered: this.edges.length - missingEdges.length,
        total: this.edges.length,
        missing: missingEdges.map(describeEdge),
      },
    };
  }
}
