/**
 * Automatic layout with elkjs (layered, top to bottom): states are boxes, nested and parallel
 * states are groups holding their children, transitions are edges. Positions are relative to the
 * parent group, as the canvas wants them; nothing about layout is stored in the definition.
 */
import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import type { DesignDoc } from '../model/design-doc';
import { allTransitions, stateIndex } from '../model/state-graph';
import { kindOf } from '../model/state-templates';

export interface Box {
  id: string;
  parent?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  group: boolean;
}

export const START_NODE = '__start';

const SIZE: Record<string, [number, number]> = {
  task: [190, 68],
  decision: [160, 56],
  timer: [160, 56],
  child: [180, 56],
  end: [120, 52],
  state: [160, 52],
};

/**
 * In the browser ELK (one 1.46 MB GWT module) runs in a Web Worker loaded from its own file, so
 * layout never blocks the page and no app chunk carries it; where there are no workers (Node, the
 * tests) the bundled ELK runs in-process, loaded only there.
 */
async function createElk(): Promise<InstanceType<typeof ELK>> {
  if (typeof Worker !== 'undefined') return new ELK({ workerUrl: elkWorkerUrl });
  const bundled = 'elkjs/lib/elk.bundled.js';
  const { default: Bundled } = (await import(/* @vite-ignore */ bundled)) as { default: typeof ELK };
  return new Bundled();
}

let elk: Promise<InstanceType<typeof ELK>> | undefined;
let queue: Promise<unknown> = Promise.resolve();

/**
 * One ELK layout at a time: the bundled ELK answers overlapping calls through one fake worker, and
 * under load an answer could land on the wrong call (new states missing from the boxes).
 */
function serialised<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '56',
  'elk.spacing.nodeNode': '36',
  'elk.spacing.edgeNode': '24',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.edgeRouting': 'ORTHOGONAL',
};

const GROUP_OPTIONS = { 'elk.padding': '[top=40,left=16,bottom=16,right=16]' };

/** The ELK graph of a document (exported for tests). */
export function elkGraph(doc: DesignDoc): ElkNode {
  const index = stateIndex(doc);
  const nodes = new Map<string, ElkNode>();
  const root: ElkNode = { id: 'root', layoutOptions: ROOT_OPTIONS, children: [], edges: [] };
  for (const [id, info] of index) {
    const kind = kindOf(info.def);
    const group = info.children.length > 0;
    const [width, height] = SIZE[kind] ?? SIZE.state!;
    const node: ElkNode = group
      ? { id, layoutOptions: GROUP_OPTIONS, children: [], width: 200, height: 80 }
      : { id, width, height };
    nodes.set(id, node);
    const parent = info.parent ? nodes.get(info.parent)! : root;
    parent.children!.push(node);
  }
  if (index.has(doc.definition.machine.initial)) {
    root.children!.unshift({ id: START_NODE, width: 28, height: 28 });
    root.edges!.push({
      id: '__start-edge',
      sources: [START_NODE],
      targets: [doc.definition.machine.initial],
    });
  }
  const edges: ElkExtendedEdge[] = allTransitions(doc)
    .filter((t) => t.to && t.to !== t.source)
    .map((t, i) => ({ id: `e${i}`, sources: [t.source], targets: [t.to!] }));
  root.edges!.push(...edges);
  return root;
}

/** Lays the document out; answers every box (relative to its parent). */
export async function layoutDoc(doc: DesignDoc): Promise<Map<string, Box>> {
  elk ??= createElk();
  const engine = await elk;
  const laid = await serialised(() => engine.layout(elkGraph(doc)));
  const boxes = new Map<string, Box>();
  const visit = (node: ElkNode, parent: string | undefined) => {
    for (const child of node.children ?? []) {
      boxes.set(child.id, {
        id: child.id,
        ...(parent ? { parent } : {}),
        x: child.x ?? 0,
        y: child.y ?? 0,
        width: child.width ?? 0,
        height: child.height ?? 0,
        group: (child.children?.length ?? 0) > 0,
      });
      visit(child, child.id);
    }
  };
  visit(laid, undefined);
  return boxes;
}

/** A structural signature: layout only reruns when states or transitions change, not on property edits. */
export function layoutSignature(doc: DesignDoc): string {
  const index = stateIndex(doc);
  const states = [...index].map(([id, info]) => `${id}:${kindOf(info.def)}`);
  const edges = allTransitions(doc).map((t) => `${t.source}>${t.to ?? ''}`);
  return JSON.stringify([doc.definition.machine.initial, states, edges]);
}

/** Absolute boxes (for overlap checks and the minimap). */
export function absolute(boxes: Map<string, Box>): Map<string, Box> {
  const out = new Map<string, Box>();
  const place = (box: Box): Box => {
    const known = out.get(box.id);
    if (known) return known;
    const parent = box.parent ? place(boxes.get(box.parent)!) : undefined;
    const abs = { ...box, x: box.x + (parent?.x ?? 0), y: box.y + (parent?.y ?? 0) };
    out.set(box.id, abs);
    return abs;
  };
  for (const box of boxes.values()) place(box);
  return out;
}
