/** The canvas's nodes and edges, computed from the document, the layout, problems, selection and simulation. */
import type { LintProblem, Locale } from '@flowform/engine/browser';
import type { Edge, Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { pick } from '../../../i18n/format';
import { problemsByState, problemTarget } from '../lint/problem-target';
import type { DesignDoc } from '../model/design-doc';
import { allTransitions, stateIndex } from '../model/state-graph';
import { kindOf } from '../model/state-templates';
import { transitionId } from '../model/transitions';
import type { Highlight, Selection } from '../state/designer-context';
import { type Box, START_NODE } from './layout';

export interface StateNodeData extends Record<string, unknown> {
  label: string;
  kind: string;
  detail: string;
  problems: number;
  initial: boolean;
  mark?: 'current' | 'visited' | 'uncovered' | 'rejected' | 'ended';
  /** Shown instead of the kind (the case graph: 当前步骤, 已经过, 未批准于此 …). */
  note?: string;
}

export function flowNodes(
  doc: DesignDoc,
  boxes: Map<string, Box>,
  problems: LintProblem[],
  selection: Selection,
  highlight: Highlight | undefined,
  locale: Locale,
): Node<StateNodeData>[] {
  const index = stateIndex(doc);
  const byState = problemsByState(problems);
  const nodes: Node<StateNodeData>[] = [];
  const start = boxes.get(START_NODE);
  if (start)
    nodes.push({
      id: START_NODE,
      type: 'start',
      position: { x: start.x, y: start.y },
      width: start.width,
      height: start.height,
      data: { label: '', kind: 'start', detail: '', problems: 0, initial: false },
      selectable: false,
      connectable: false,
    });
  for (const [id, info] of index) {
    const box = boxes.get(id);
    if (!box) continue;
    const kind = kindOf(info.def);
    const title = info.def.name ?? info.def.task?.title;
    const parentInitial = info.parent ? index.get(info.parent)?.def.initial : doc.definition.machine.initial;
    const mark = highlight?.current.has(id)
      ? 'current'
      : highlight?.visited.has(id)
        ? 'visited'
        : highlight?.uncovered.has(id)
          ? 'uncovered'
          : undefined;
    nodes.push({
      id,
      type: box.group ? 'compound' : 'state',
      position: { x: box.x, y: box.y },
      ...(box.parent ? { parentId: box.parent, extent: 'parent' as const } : {}),
      width: box.width,
      height: box.height,
      selected: selection.states.includes(id),
      data: {
        label: pick(title, locale, info.key),
        kind,
        detail: info.key,
        problems: byState.get(id)?.length ?? 0,
        initial: parentInitial === info.key && index.get(info.parent ?? '')?.def.type !== 'parallel',
        ...(mark ? { mark } : {}),
      },
    });
  }
  return nodes;
}

export function flowEdges(
  doc: DesignDoc,
  problems: LintProblem[],
  selection: Selection,
  highlight: Highlight | undefined,
): Edge[] {
  const bad = new Set(problems.map(problemTarget).flatMap((t) => (t.kind === 'transition' ? [t.id] : [])));
  const edges: Edge[] = [];
  if (stateIndex(doc).has(doc.definition.machine.initial))
    edges.push({
      id: '__start-edge',
      source: START_NODE,
      target: doc.definition.machine.initial,
      selectable: false,
      markerEnd: { type: MarkerType.ArrowClosed },
    });
  for (const t of allTransitions(doc)) {
    if (!t.to) continue;
    const id = transitionId(t);
    const event =
      t.kind === 'on' ? t.key : t.kind === 'after' ? `◷ ${t.key}` : t.kind === 'always' ? '' : '✓';
    const guard = t.def.guard?.params.expr;
    const label = [event, guard ? `[${guard.length > 28 ? `${guard.slice(0, 27)}…` : guard}]` : '']
      .filter(Boolean)
      .join(' ');
    const walked = highlight?.transitions.has(id);
    edges.push({
      id,
      source: t.source,
      target: t.to,
      label,
      selected: selection.transitions.includes(id),
      markerEnd: { type: MarkerType.ArrowClosed },
      className: [bad.has(id) ? 'edge-problem' : '', walked ? 'edge-walked' : ''].filter(Boolean).join(' '),
      animated: !!walked,
      labelBgPadding: [4, 2],
      labelBgBorderRadius: 3,
    });
  }
  return edges;
}
