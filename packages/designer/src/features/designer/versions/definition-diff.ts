/**
 * What changed between the published version and the draft, in the designer's terms: states,
 * transitions, tasks (and which of their properties) and form fields, each added, removed or changed.
 */
import type { DesignDoc } from '../model/design-doc';
import { allFields, fieldSchema } from '../model/form-paths';
import { allTransitions, stateIndex } from '../model/state-graph';

export interface Changes {
  added: string[];
  removed: string[];
  changed: string[];
}

export interface DefinitionDiff {
  states: Changes;
  transitions: Changes;
  tasks: Changes;
  fields: Changes;
}

const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** Key order does not change meaning. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
  );
}

function compare<T>(
  before: Map<string, T>,
  after: Map<string, T>,
  describe = (key: string, _a: T, _b: T) => key,
): Changes {
  const out: Changes = { added: [], removed: [], changed: [] };
  for (const [k, v] of after) {
    if (!before.has(k)) out.added.push(k);
    else if (!same(before.get(k), v)) out.changed.push(describe(k, before.get(k)!, v));
  }
  for (const k of before.keys()) if (!after.has(k)) out.removed.push(k);
  return out;
}

function stateMap(doc: DesignDoc) {
  return new Map(
    [...stateIndex(doc)].map(([id, info]) => {
      const {
        states: _children,
        task: _task,
        on: _on,
        after: _after,
        always: _always,
        onDone: _onDone,
        ...rest
      } = info.def;
      return [id, rest];
    }),
  );
}

const transitionMap = (doc: DesignDoc) =>
  new Map(
    allTransitions(doc).map((t) => [
      `${t.source} —${t.key ?? t.kind}→ ${t.to ?? t.def.target ?? '?'}`,
      t.def,
    ]),
  );

const taskMap = (doc: DesignDoc) =>
  new Map(
    [...stateIndex(doc)]
      .filter(([, i]) => i.def.task)
      .map(([id, i]) => [id, i.def.task as unknown as Record<string, unknown>]),
  );

function fieldMap(doc: DesignDoc) {
  const out = new Map<string, unknown>();
  for (const [key, form] of Object.entries(doc.forms))
    for (const field of allFields(doc, key))
      out.set(`${key}${field}`, [fieldSchema(doc, key, field), form.labels?.[field]]);
  return out;
}

export function diffDocs(before: DesignDoc, after: DesignDoc): DefinitionDiff {
  return {
    states: compare(stateMap(before), stateMap(after)),
    transitions: compare(transitionMap(before), transitionMap(after)),
    tasks: compare(taskMap(before), taskMap(after), (id, a, b) => {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !same(a[k], b[k]));
      return `${id} (${keys.join(', ')})`;
    }),
    fields: compare(fieldMap(before), fieldMap(after)),
  };
}

export const isEmptyDiff = (d: DefinitionDiff) =>
  Object.values(d).every((c: Changes) => !c.added.length && !c.removed.length && !c.changed.length);
