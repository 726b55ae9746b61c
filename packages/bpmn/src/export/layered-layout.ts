/**
 * Where each element is drawn (BPMNDI): the designer's boxes when it passes one for every state,
 * else a simple layered layout, left to right, computed here — a rank per longest path from the
 * start (back edges ignored), a column per rank, subprocesses laid out inside first. Boundary
 * timers sit on their activity's lower edge; flows are orthogonal polylines.
 *
 *   (start) ─► [task] ─► <gw> ─► [task] ─► (end)        rank 0 │ 1 │ 2 │ 3 │ 4
 *                          └───► [task] ─────┘
 */
import type { ExportModel, ExportNode, NodeShape } from './export-model';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Layout {
  shapes: Map<string, Bounds>;
  edges: Map<string, { x: number; y: number }[]>;
}

const SIZE: Record<Exclude<NodeShape, 'container'>, [number, number]> = {
  task: [100, 80],
  event: [36, 36],
  gateway: [50, 50],
};
const GAP_X = 60;
const GAP_Y = 40;
const PAD = { top: 40, left: 30, right: 30, bottom: 30 };

/** Lays the model out; `positions` (absolute boxes by state path) win when they cover every state. */
export function layoutModel(model: ExportModel, positions?: Record<string, Bounds>): Layout {
  const states = model.nodes.filter((n) => n.state);
  const given = positions && states.every((n) => positions[n.state!]);
  const shapes = given ? placeAround(model, positions!) : layered(model);
  for (const node of model.nodes) if (node.attachedTo) placeBoundary(model, node, shapes);
  const edges = new Map<string, { x: number; y: number }[]>();
  for (const flow of model.flows) {
    const a = shapes.get(flow.source);
    const b = shapes.get(flow.target);
    if (a && b) edges.set(flow.id, route(a, b, flow.source === flow.target));
  }
  return { shapes, edges };
}

function layered(model: ExportModel): Map<string, Bounds> {
  const relative = new Map<string, Bounds>();
  const sizeOf = (container: string): { width: number; height: number } => {
    const children = model.nodes.filter((n) => n.container === container && !n.attachedTo);
    for (const child of children) {
      if (child.shape === 'container') {
        const inner = sizeOf(child.id);
        relative.set(child.id, { x: 0, y: 0, ...inner });
      } else {
        const [width, height] = SIZE[child.shape];
        relative.set(child.id, { x: 0, y: 0, width, height });
      }
    }
    const ranks = rank(model, children);
    const columns: ExportNode[][] = [];
    for (const child of children) {
      const r = ranks.get(child.id) ?? 0;
      columns[r] = [...(columns[r] ?? []), child];
    }
    let x = PAD.left;
    let bottom = PAD.top;
    for (const column of columns.filter(Boolean)) {
      const width = Math.max(...column.map((c) => relative.get(c.id)!.width));
      let y = PAD.top;
      for (const c of column) {
        const box = relative.get(c.id)!;
        box.x = x + (width - box.width) / 2;
        box.y = y;
        y += box.height + GAP_Y;
      }
      bottom = Math.max(bottom, y - GAP_Y);
      x += width + GAP_X;
    }
    return { width: Math.max(x - GAP_X + PAD.right, 200), height: Math.max(bottom + PAD.bottom, 120) };
  };
  sizeOf(model.processId);
  const absolute = new Map<string, Bounds>();
  const place = (container: string, ox: number, oy: number) => {
    for (const child of model.nodes.filter((n) => n.container === container && !n.attachedTo)) {
      const box = relative.get(child.id)!;
      const abs = { ...box, x: Math.round(ox + box.x), y: Math.round(oy + box.y) };
      absolute.set(child.id, abs);
      if (child.shape === 'container') place(child.id, abs.x, abs.y);
    }
  };
  place(model.processId, 120, 60);
  return absolute;
}

/**
 * Longest-path ranks over the flows between one container's children: a flow from or to a node
 * deeper inside counts for the child holding it, a boundary event's for its activity.
 */
function rank(model: ExportModel, children: ExportNode[]): Map<string, number> {
  const ids = new Set(children.map((c) => c.id));
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const lift = (id: string): string | undefined => {
    for (let at = byId.get(id); at; at = byId.get(at.attachedTo ?? at.container))
      if (ids.has(at.id)) return at.id;
    return undefined;
  };
  const next = new Map<string, string[]>();
  for (const f of model.flows) {
    const source = lift(f.source);
    const target = lift(f.target);
    if (source && target && source !== target) next.set(source, [...(next.get(source) ?? []), target]);
  }
  const incoming = new Set([...next.values()].flat());
  const starts = children.filter((c) => c.type === 'bpmn:StartEvent');
  const roots = starts.length ? starts : children.filter((c) => !incoming.has(c.id));
  const ranks = new Map<string, number>();
  const onPath = new Set<string>();
  const visit = (id: string, r: number) => {
    if (onPath.has(id) || (ranks.get(id) ?? -1) >= r) return;
    ranks.set(id, r);
    onPath.add(id);
    for (const t of next.get(id) ?? []) visit(t, r + 1);
    onPath.delete(id);
  };
  for (const root of roots.length ? roots : children.slice(0, 1)) visit(root.id, 0);
  for (const c of children) if (!ranks.has(c.id)) visit(c.id, 0);
  return ranks;
}

/** The designer's boxes for states; start events and gateways placed beside what they serve. */
function placeAround(model: ExportModel, positions: Record<string, Bounds>): Map<string, Bounds> {
  const shapes = new Map<string, Bounds>();
  for (const node of model.nodes) {
    if (!node.state) continue;
    const { x, y, width, height } = positions[node.state]!;
    shapes.set(node.id, { x, y, width, height });
  }
  for (const node of model.nodes) {
    if (node.state || node.attachedTo) continue;
    const [width, height] = SIZE[node.shape === 'container' ? 'task' : node.shape];
    const link = model.flows.find((f) => (node.type === 'bpmn:StartEvent' ? f.source : f.target) === node.id);
    const anchor = link ? shapes.get(node.type === 'bpmn:StartEvent' ? link.target : link.source) : undefined;
    const a = anchor ?? { x: 0, y: 0, width: 0, height: 0 };
    shapes.set(
      node.id,
      node.type === 'bpmn:StartEvent'
        ? { x: a.x + (a.width - width) / 2, y: a.y - height - 24, width, height }
        : { x: a.x + a.width + 16, y: a.y + a.height + 8, width, height },
    );
  }
  return shapes;
}

function placeBoundary(model: ExportModel, node: ExportNode, shapes: Map<string, Bounds>): void {
  const host = shapes.get(node.attachedTo!);
  if (!host) return;
  const order = model.nodes.filter((n) => n.attachedTo === node.attachedTo).indexOf(node);
  const [width, height] = SIZE.event;
  shapes.set(node.id, {
    x: host.x + host.width - width - 10 - order * (width + 8),
    y: host.y + host.height - height / 2,
    width,
    height,
  });
}

/** An orthogonal polyline from a's right side to b's left side; loops and back edges go below. */
function route(a: Bounds, b: Bounds, self: boolean): { x: number; y: number }[] {
  const ay = a.y + a.height / 2;
  const by = b.y + b.height / 2;
  const ax = a.x + a.width;
  if (self || b.x < ax) {
    const below = Math.max(a.y + a.height, b.y + b.height) + 20;
    const sx = a.x + a.width / 2;
    const tx = b.x + b.width / 2 + (self ? 20 : 0);
    return [
      { x: sx, y: a.y + a.height },
      { x: sx, y: below },
      { x: tx, y: below },
      { x: tx, y: b.y + b.height },
    ].map(round);
  }
  if (Math.abs(ay - by) < 1)
    return [
      { x: ax, y: ay },
      { x: b.x, y: by },
    ].map(round);
  const mx = (ax + b.x) / 2;
  return [
    { x: ax, y: ay },
    { x: mx, y: ay },
    { x: mx, y: by },
    { x: b.x, y: by },
  ].map(round);
}

function round(p: { x: number; y: number }) {
  return { x: Math.round(p.x), y: Math.round(p.y) };
}
