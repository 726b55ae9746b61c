/**
 * Depth-first walk over everything that can happen to a case: from each start variant, try every
 * choice at every moment, prune moments already explored, stop at the limits, and record coverage.
 */
import type { DirectorySeed } from '../assignment';
import type { DefinitionBundle } from '../definition/definition-types';
import type { CaseSnapshot } from '../stepping/case-snapshot';
import { choicesAt } from './choices';
import { CoverageTracker } from './coverage';
import { memoKey } from './memo-key';
import { completeSiblings, fireSiblingTimers } from './multi-instance';
import { type Applied, apply, createContext, SIMULATION_EPOCH, type SimContext } from './sim-context';
import type { SimAction, SimStep, SimulationOptions, SimulationReport } from './simulation-types';
import { describeStep, startVariants } from './step-record';

const DEFAULTS = { maxDepth: 60, maxSteps: 20_000 };

interface Walk {
  ctx: SimContext;
  coverage: CoverageTracker;
  seen: Set<string>;
  steps: number;
  refused: number;
  paths: number;
  truncated: boolean;
  maxDepth: number;
  maxSteps: number;
}

function close(walk: Walk, node: SimStep, end: NonNullable<SimStep['end']>): void {
  node.end = end;
  walk.paths += 1;
}

function visit(walk: Walk, node: SimStep, snap: CaseSnapshot, at: number, depth: number): void {
  if (snap.status !== 'running') return close(walk, node, snap.status);
  const key = memoKey(walk.ctx, snap);
  if (walk.seen.has(key)) return close(walk, node, 'seen');
  walk.seen.add(key);
  if (depth >= walk.maxDepth) return close(walk, node, 'depth');
  for (const choice of choicesAt(walk.ctx, snap, at)) {
    if (walk.steps >= walk.maxSteps) {
      walk.truncated = true;
      break;
    }
    const once = apply(walk.ctx, snap, choice.command, choice.actor, choice.at);
    if (!once) {
      walk.refused += 1;
      continue;
    }
    const { action } = choice;
    const applied =
      action.kind === 'complete'
        ? completeSiblings(walk.ctx, once, action.state, action.outcome, choice.at)
        : choice.timer
          ? fireSiblingTimers(walk.ctx, once, choice.timer, choice.at)
          : once;
    const child = record(walk, applied, choice.action, choice.at, returnOf(choice.action));
    node.next.push(child);
    visit(walk, child, applied.snapshot, choice.at, depth + 1);
  }
  if (node.next.length === 0) close(walk, node, walk.truncated ? 'budget' : 'stuck');
}

function returnOf(action: SimAction) {
  return action.kind === 'return' ? { from: action.state, target: action.target } : undefined;
}

function record(
  walk: Walk,
  applied: Applied,
  action: SimAction,
  at: number,
  returned?: { from: string; target: string },
): SimStep {
  walk.steps += 1;
  return describeStep(walk.ctx, walk.coverage, applied, action, at, returned);
}

/** Explores a definition from generated start data; see `SimulationReport`. */
export function explore(
  bundle: DefinitionBundle,
  seed: DirectorySeed,
  options: SimulationOptions = {},
): SimulationReport {
  const ctx = createContext(bundle, seed, options);
  const walk: Walk = {
    ctx,
    coverage: new CoverageTracker(ctx.index, ctx.edges),
    seen: new Set(),
    steps: 0,
    refused: 0,
    paths: 0,
    truncated: false,
    maxDepth: options.maxDepth ?? DEFAULTS.maxDepth,
    maxSteps: options.maxSteps ?? DEFAULTS.maxSteps,
  };
  const start = Date.parse(options.now ?? SIMULATION_EPOCH);
  walk.coverage.recordStart(bundle.definition.machine.initial);
  const roots: SimStep[] = [];
  for (const variant of startVariants(ctx)) {
    if (walk.steps >= walk.maxSteps) {
      walk.truncated = true;
      break;
    }
    const applied = apply(ctx, undefined, variant.command, variant.actor, start);
    if (!applied) {
      walk.refused += 1;
      continue;
    }
    const root = record(walk, applied, variant.action, start);
    roots.push(root);
    visit(walk, root, applied.snapshot, start, 1);
  }
  return report(ctx, walk, roots);
}

export function report(
  ctx: SimContext,
  walk: Pick<Walk, 'coverage' | 'paths' | 'steps' | 'refused' | 'truncated'>,
  roots: SimStep[],
): SimulationReport {
  return {
    process: ctx.original.definition.key,
    name: ctx.original.definition.name,
    roots,
    paths: walk.paths,
    steps: walk.steps,
    refused: walk.refused,
    truncated: walk.truncated,
    coverage: walk.coverage.figures(),
  };
}
