/**
 * What the simulator needs to know to steer a case down every branch: which case fields the guards
 * read, the parameter values they compare numbers with, and which fields feed computed fields that
 * guards read (a reward computed from a value, missing items computed from a receipt).
 */
import { caseComputed } from '../computed';
import type { ActionRef, ProcessDefinition } from '../definition/definition-types';
import { collectEdges, transitionAt } from '../lint/flow-graph';
import { statePointer } from '../lint/lint-types';
import type { StateIndex } from '../machine/state-index';

/** Fields guards read, with the thresholds they are compared with, and the fields that feed them. */
export interface GuardFacts {
  /** Case fields any guard reads. */
  guardFields: Set<string>;
  /** Field → numeric parameter values in the guards that read it. */
  thresholds: Map<string, number[]>;
  /** Field → thresholds of the guarded fields it is computed into (by `assignCel` or `computed`). */
  feeds: Map<string, number[]>;
  /** Every guard expression, in definition order. */
  guards: string[];
}

const DATA_FIELD = /\bdata\.([A-Za-z][A-Za-z0-9_]*)/g;
const PARAM = /\bparams\.([A-Za-z][A-Za-z0-9]*)/g;

function names(expr: string, pattern: RegExp): string[] {
  return [...expr.matchAll(pattern)].map((m) => m[1]!);
}

function push(map: Map<string, number[]>, key: string, values: number[]): void {
  const list = map.get(key) ?? [];
  for (const v of values) if (!list.includes(v)) list.push(v);
  map.set(key, list);
}

/** Reads the guards and computed-field actions of a definition. */
export function guardFacts(def: ProcessDefinition, index: StateIndex): GuardFacts {
  const params = def.parameters ?? {};
  const numeric = (expr: string) =>
    names(expr, PARAM)
      .map((p) => params[p]?.value)
      .filter((v): v is number => typeof v === 'number');
  const facts: GuardFacts = { guardFields: new Set(), thresholds: new Map(), feeds: new Map(), guards: [] };
  const assigns: { field: string; expr: string }[] = [];
  const collect = (actions: ActionRef[] | undefined) => {
    for (const a of actions ?? []) if (a.type === 'assignCel') assigns.push(a.params);
  };
  for (const edge of collectEdges(index, statePointer)) {
    const spec = transitionAt(def, edge.pointer);
    const expr = spec?.guard?.params?.expr;
    if (expr) {
      if (!facts.guards.includes(expr)) facts.guards.push(expr);
      for (const field of names(expr, DATA_FIELD)) {
        facts.guardFields.add(field);
        push(facts.thresholds, field, numeric(expr));
      }
      // `caseUnit` is the unit the definition's unit field names: a guard on its kind branches on that field
      if (def.unitField && /\bcaseUnit\b/.test(expr)) facts.guardFields.add(def.unitField);
    }
    collect(spec?.actions);
  }
  for (const info of index.values()) {
    collect(info.def.entry);
    collect(info.def.exit);
  }
  for (const [field, expr] of Object.entries(caseComputed(def))) assigns.push({ field, expr });
  for (const { field, expr } of assigns) {
    if (!facts.guardFields.has(field)) continue;
    const limits = facts.thresholds.get(field) ?? [];
    for (const source of names(expr, DATA_FIELD)) if (source !== field) push(facts.feeds, source, limits);
  }
  return facts;
}
