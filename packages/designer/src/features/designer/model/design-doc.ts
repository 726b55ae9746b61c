/** The document the designer edits: one definition with its forms (the bundle format). */
import type { FormDefinition, ProcessDefinition, StateDef } from '@flowform/engine/browser';
import { getAt, type Path } from './json-ops';

export interface DesignDoc {
  definition: ProcessDefinition;
  forms: Record<string, FormDefinition>;
}

/** A new, empty definition: no states yet (lint says what is missing). */
export function emptyDoc(key: string, name: { 'zh-CN': string; en: string }): DesignDoc {
  return {
    definition: {
      key,
      name,
      description: { ...name },
      caseSchema: { type: 'object', properties: {} },
      starters: { kind: 'initiator' },
      machine: { initial: '', states: {} },
    },
    forms: {},
  };
}

/** JSON path of a state (`a.b` → machine.states.a.states.b). */
export function statePath(id: string): Path {
  const keys = id.split('.');
  return ['definition', 'machine', 'states', ...keys.flatMap((k, i) => (i === 0 ? [k] : ['states', k]))];
}

/** JSON path of the `states` map holding the children of `parent` (the machine's when undefined). */
export function statesPath(parent: string | undefined): Path {
  return parent ? [...statePath(parent), 'states'] : ['definition', 'machine', 'states'];
}

/** The path of the `initial` naming the first child of `parent`. */
export function initialPath(parent: string | undefined): Path {
  return parent ? [...statePath(parent), 'initial'] : ['definition', 'machine', 'initial'];
}

export function stateAt(doc: DesignDoc, id: string): StateDef | undefined {
  return getAt(doc, statePath(id)) as StateDef | undefined;
}

export const parentOf = (id: string): string | undefined =>
  id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined;

export const keyOf = (id: string): string => id.slice(id.lastIndexOf('.') + 1);

export const childId = (parent: string | undefined, key: string) => (parent ? `${parent}.${key}` : key);

/** The smallest `base`, `base2`, `base3`… not among `taken`. */
export function uniqueKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`)) return `${base}${n}`;
}

/** Stable JSON text of a document (what export and the byte-for-byte tests compare). */
export const docText = (doc: DesignDoc) => JSON.stringify(doc, null, 2);
