/**
 * The case graph: the designer's canvas, read-only, laid out by the same ELK layout and built by
 * the same node and edge code, with the path the case took (passed steps and walked transitions
 * in green), the current steps, and where it ended (a rejection in red, saying so). Clicking a
 * step shows its record. Loaded lazily with the canvas chunk; until the layout is ready the
 * step list (`fallback`) shows.
 */
import '@xyflow/react/dist/style.css';
import '../designer/canvas/canvas.css';
import type { StepRecordView } from '@flowform/api';
import type { CaseOutcome, Locale, ProcessDefinition } from '@flowform/engine/browser';
import { Controls, type Edge, type Node, ReactFlow } from '@xyflow/react';
import { type ReactNode, useMemo } from 'react';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages-zh';
import { flowEdges, flowNodes, type StateNodeData } from '../designer/canvas/flow-elements';
import { GroupNode, StartNode, StateNode } from '../designer/canvas/state-node';
import { useLayout } from '../designer/canvas/use-layout';
import type { DesignDoc } from '../designer/model/design-doc';
import { allTransitions, stateIndex } from '../designer/model/state-graph';
import { transitionId } from '../designer/model/transitions';
import { type CasePath, casePath } from './case-path';

const nodeTypes = { state: StateNode, compound: GroupNode, start: StartNode };
const NO_SELECTION = { states: [], transitions: [] };

export interface CaseGraphProps {
  definition: ProcessDefinition;
  records: StepRecordView[];
  active: string[];
  status: string;
  outcome: CaseOutcome | null;
  /** Shown while the layout runs. */
  fallback: ReactNode;
  /** A step was clicked. */
  onPick: (stateId: string) => void;
  picked?: string;
}

export default function CaseGraph(props: CaseGraphProps) {
  const { definition, records, active, status, outcome, fallback, onPick, picked } = props;
  const { t, locale } = useI18n();
  const doc = useMemo<DesignDoc>(() => ({ definition, forms: {} }), [definition]);
  const { boxes, signature } = useLayout(doc);
  const path = useMemo(
    () =>
      casePath(
        doc,
        records.flatMap((r) => (r.stateId ? [{ stateId: r.stateId, outcome: r.outcome }] : [])),
        active,
        { status, outcome },
      ),
    [doc, records, active, status, outcome],
  );
  const nodes = useMemo(() => {
    const highlight = { ...path, uncovered: new Set<string>() };
    const selection = picked ? { states: [picked], transitions: [] } : NO_SELECTION;
    return flowNodes(doc, boxes, [], selection, highlight, locale).map((node) =>
      node.type === 'start' ? node : decorate(node, doc, path, outcome, locale, t),
    );
  }, [doc, boxes, path, picked, outcome, locale, t]);
  const edges = useMemo(() => caseEdges(doc, path, locale), [doc, path, locale]);
  // On a phone the whole graph fitted is too small to read: it opens at reading size on where the
  // case stands (current, rejected or ended steps), and pans and zooms from there.
  const fit = useMemo(() => {
    const focus = [...path.current, ...path.rejected, ...(path.ended ? [path.ended] : [])];
    return globalThis.matchMedia?.('(max-width: 600px)').matches && focus.length
      ? { nodes: focus.map((id) => ({ id })), padding: 0.6, maxZoom: 0.9 }
      : { padding: 0.08, maxZoom: 1 };
  }, [path]);
  if (boxes.size === 0) return <>{fallback}</>;
  return (
    <div className="ff-canvas case-graph" role="application" aria-label={t('case.diagram')}>
      <ReactFlow
        key={signature}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => node.type !== 'start' && onPick(node.id)}
        fitView
        fitViewOptions={fit}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        minZoom={0.15}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A node as the case shows it: its state in words, a name for ends without one, red where it was rejected. */
function decorate(
  node: Node<StateNodeData>,
  doc: DesignDoc,
  path: CasePath,
  outcome: CaseOutcome | null,
  locale: Locale,
  t: Translate,
): Node<StateNodeData> {
  const def = stateIndex(doc).get(node.id)?.def;
  const final = def?.type === 'final';
  const declared = final && def?.outcome ? t(`case.outcome.${def.outcome}` as MessageKey) : undefined;
  const named = def?.name ?? def?.task?.title;
  const label = named ? pick(named, locale, node.id) : (declared ?? t('case.diagram.final'));
  const rejected = path.rejected.has(node.id);
  const ended = path.ended === node.id;
  const mark = rejected ? 'rejected' : ended ? 'ended' : node.data.mark;
  const note = rejected
    ? final
      ? t('case.outcome.rejected')
      : t('case.diagram.rejected')
    : ended
      ? t(`case.outcome.${outcome ?? 'completed'}` as MessageKey)
      : mark === 'current'
        ? t('case.diagram.current')
        : mark === 'visited'
          ? t('case.diagram.passed')
          : final
            ? (declared ?? t('case.diagram.final'))
            : t('case.diagram.pending');
  return {
    ...node,
    selectable: false,
    data: { ...node.data, label, note, initial: false, ...(mark ? { mark } : {}) },
  };
}

/** Edges with the decision's own words (同意, 不同意 …) instead of events and guards; the walked ones green. */
function caseEdges(doc: DesignDoc, path: CasePath, locale: Locale): Edge[] {
  const index = stateIndex(doc);
  const words = new Map<string, string>();
  for (const tr of allTransitions(doc)) {
    const outcomes = index.get(tr.source)?.def.task?.outcomes ?? [];
    const chosen = tr.kind === 'on' ? outcomes.find((o) => (o.event ?? o.key) === tr.key) : undefined;
    words.set(
      transitionId(tr),
      chosen ? pick(chosen.label, locale, chosen.key) : tr.kind === 'after' ? '◷' : '',
    );
  }
  const highlight = {
    visited: path.visited,
    current: path.current,
    transitions: path.transitions,
    uncovered: new Set<string>(),
  };
  return flowEdges(doc, [], NO_SELECTION, highlight).map((edge) => ({
    ...edge,
    ...(edge.id === '__start-edge' && path.transitions.has(edge.id) ? { className: 'edge-walked' } : {}),
    label: words.get(edge.id) ?? '',
    animated: false,
    selectable: false,
    focusable: false,
  }));
}
