/**
 * The process canvas (@xyflow/react): renders the document's states and transitions as laid out
 * by ELK. Selecting, connecting and deleting turn into commands; nodes are not dragged (layout is
 * automatic), the view zooms, pans and fits, with a minimap.
 */
import {
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  type ReactFlowInstance,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { flowEdges, flowNodes } from './flow-elements';
import { GroupNode, StartNode, StateNode } from './state-node';
import { useLayout } from './use-layout';

const nodeTypes = { state: StateNode, compound: GroupNode, start: StartNode };

const minimapColor = (node: { type?: string; data: Record<string, unknown> }) =>
  node.type === 'compound'
    ? 'rgba(26, 95, 180, 0.12)'
    : node.data.problems
      ? '#e8a3a5'
      : node.type === 'start'
        ? '#1d2733'
        : '#b8c7da';

export function ProcessCanvas({ onReady }: { onReady?: (fit: () => void) => void }) {
  const { doc, problems, selection, select, modeling, highlight } = useDesigner();
  const { dt, locale } = useDesignerText();
  const { boxes, signature } = useLayout(doc);
  const flow = useRef<ReactFlowInstance | null>(null);
  const nodes = useMemo(
    () => flowNodes(doc, boxes, problems, selection, highlight, locale),
    [doc, boxes, problems, selection, highlight, locale],
  );
  const edges = useMemo(
    () => flowEdges(doc, problems, selection, highlight),
    [doc, problems, selection, highlight],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: refit when the layout changes
  useEffect(() => {
    const id = requestAnimationFrame(() => flow.current?.fitView({ padding: 0.15, maxZoom: 1.1 }));
    return () => cancelAnimationFrame(id);
  }, [signature]);

  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (!picks.length) return;
      const states = new Set(selection.states);
      for (const c of picks) if (c.type === 'select') c.selected ? states.add(c.id) : states.delete(c.id);
      select({ states: [...states].filter((s) => s !== '__start'), transitions: selection.transitions });
    },
    [selection, select],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (!picks.length) return;
      const transitions = new Set(selection.transitions);
      for (const c of picks)
        if (c.type === 'select') c.selected ? transitions.add(c.id) : transitions.delete(c.id);
      select({ states: selection.states, transitions: [...transitions].filter((t) => t !== '__start-edge') });
    },
    [selection, select],
  );
  const onConnect = useCallback(
    (c: Connection) => {
      if (c.source && c.target && c.source !== '__start') modeling.connect(c.source, c.target);
    },
    [modeling],
  );

  return (
    <div className="ff-canvas" role="application" aria-label={dt('canvas.label')}>
      {nodes.length === 0 && <p className="ff-canvas-empty">{dt('canvas.empty')}</p>}
      <ReactFlow
        // A new structure remounts the flow so every node's handles are measured afresh: on a busy
        // machine a node measured before its handles rendered kept its edges hidden.
        key={signature}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onInit={(instance) => {
          flow.current = instance as unknown as ReactFlowInstance;
          onReady?.(() => instance.fitView({ padding: 0.15, maxZoom: 1.1 }));
        }}
        nodesDraggable={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        minZoom={0.15}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} />
        <Controls showInteractive={false} />
        {nodes.length > 0 && (
          <MiniMap
            pannable
            zoomable
            ariaLabel={dt('canvas.minimap')}
            nodeColor={minimapColor}
            nodeStrokeWidth={2}
          />
        )}
      </ReactFlow>
    </div>
  );
}
