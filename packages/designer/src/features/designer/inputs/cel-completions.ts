/** What the CEL editor offers to complete: case fields, parameters, variables and functions. */
import type { ProcessDefinition } from '@flowform/engine/browser';

const VARIABLES = [
  'now',
  'initiator.username',
  'initiator.roles',
  'initiator.units',
  'actor.username',
  'actor.roles',
  'outcome',
  'votes.approve',
  'votes.reject',
  'votes.total',
  'task.state',
];
const FUNCTIONS = ['has(', 'size(', 'isoDuration(', 'timestamp(', 'duration(', 'string(', 'int(', 'double('];

export function completionsFor(def: Pick<ProcessDefinition, 'caseSchema' | 'parameters'>): string[] {
  const fields: string[] = [];
  const props = (def.caseSchema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, schema] of Object.entries(props)) {
    fields.push(`data.${name}`);
    const inner = (schema.properties ?? {}) as Record<string, unknown>;
    for (const child of Object.keys(inner)) fields.push(`data.${name}.${child}`);
  }
  const params = Object.keys(def.parameters ?? {}).map((p) => `params.${p}`);
  return [...fields, ...params, ...VARIABLES, ...FUNCTIONS];
}

/** The identifier being typed at the caret, and the suggestions that extend it. */
export function suggest(source: string, caret: number, all: string[]): { token: string; items: string[] } {
  const before = source.slice(0, caret);
  const token = /[A-Za-z_][\w.]*$/.exec(before)?.[0] ?? '';
  if (!token) return { token, items: [] };
  const items = all.filter((s) => s.startsWith(token) && s !== token).slice(0, 8);
  return { token, items };
}
