/**
 * A copy of a bundle whose every transition also appends its JSON pointer to a hidden case field,
 * so the simulator knows exactly which transitions a step took (guards, eventless chains, `onDone`)
 * without re-deriving XState's choices. The copy behaves like the original in every other way.
 */
import type { DefinitionBundle, ProcessDefinition, TransitionDef } from '../definition/definition-types';
import { collectEdges } from '../lint/flow-graph';
import { statePointer } from '../lint/lint-types';
import { indexStates } from '../machine/state-index';

/** The hidden field holding the pointers of the transitions taken so far. */
export const TRACE_FIELD = 'ffSimulationTrace';

function traceAction(pointer: string) {
  const expr = `(has(data.${TRACE_FIELD}) ? data.${TRACE_FIELD} : []) + [${JSON.stringify(pointer)}]`;
  return { type: 'assignCel' as const, params: { field: TRACE_FIELD, expr } };
}

/** Replaces the transition at `pointer` (a string, an object, or an array element) by its traced object. */
function trace(root: Record<string, unknown>, pointer: string): void {
  const parts = pointer.split('/').slice(1);
  const last = parts.pop()!;
  let parent: Record<string, unknown> = root;
  for (const part of parts) parent = parent[part] as Record<string, unknown>;
  const spec = parent[last];
  const object: TransitionDef = typeof spec === 'string' ? { target: spec } : { ...(spec as TransitionDef) };
  object.actions = [traceAction(pointer), ...(object.actions ?? [])];
  parent[last] = object;
}

/** The traced copy of a bundle. */
export function tracedBundle(bundle: DefinitionBundle): DefinitionBundle {
  const definition = structuredClone(bundle.definition) as ProcessDefinition;
  const edges = collectEdges(indexStates(bundle.definition.machine), statePointer);
  for (const edge of edges) {
    if (edge.kind !== 'return') trace(definition as unknown as Record<string, unknown>, edge.pointer);
  }
  const properties = (definition.caseSchema.properties ?? {}) as Record<string, unknown>;
  definition.caseSchema = {
    ...definition.caseSchema,
    properties: { ...properties, [TRACE_FIELD]: { type: 'array', items: { type: 'string' } } },
  };
  return { ...bundle, definition };
}

/** Pointers traced during one step. */
export function tracedSince(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): string[] {
  const was = (before?.[TRACE_FIELD] as string[] | undefined)?.length ?? 0;
  return ((after[TRACE_FIELD] as string[] | undefined) ?? []).slice(was);
}
