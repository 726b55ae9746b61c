/**
 * The order computed values are evaluated in: a field reading another computed field comes after
 * it. A field that reads itself, or a ring of fields reading each other, is a cycle (lint refuses
 * it, `computed-cycle`); so is one reading `data` as a whole, which may read itself.
 */
import { dataFieldsRead } from '../expressions';
import type { ComputedFields } from './computed-fields';

/** Either an evaluation order, or the first cycle found (its fields, the first repeated at the end). */
export type ComputedOrder = { order: string[] } | { cycle: string[] };

/** The computed fields each computed field reads; all of them where it reads `data` whole or does not parse. */
export function computedDependencies(fields: ComputedFields): Map<string, string[]> {
  const names = Object.keys(fields);
  const deps = new Map<string, string[]>();
  for (const [name, source] of Object.entries(fields)) {
    let read: string[];
    try {
      const refs = dataFieldsRead(source);
      read = refs.whole ? names : refs.fields.filter((f) => f in fields);
    } catch {
      read = [];
    }
    deps.set(name, read);
  }
  return deps;
}

const orders = new WeakMap<ComputedFields, ComputedOrder>();

/** Orders the fields so each comes after those it reads (depth first, in declaration order). */
export function computedOrder(fields: ComputedFields): ComputedOrder {
  const hit = orders.get(fields);
  if (hit) return hit;
  const deps = computedDependencies(fields);
  const order: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  let cycle: string[] | undefined;
  const visit = (name: string): void => {
    if (cycle || done.has(name)) return;
    const at = path.indexOf(name);
    if (at >= 0) {
      cycle = [...path.slice(at), name];
      return;
    }
    path.push(name);
    for (const dep of deps.get(name) ?? []) visit(dep);
    path.pop();
    done.add(name);
    order.push(name);
  };
  for (const name of Object.keys(fields)) visit(name);
  const result = cycle ? { cycle } : { order };
  orders.set(fields, result);
  return result;
}
