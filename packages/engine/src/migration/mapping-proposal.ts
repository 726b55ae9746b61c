import type { DefinitionBundle, FormDefinition, StateDef } from '../definition/definition-types';
import { indexStates, type StateIndex } from '../machine/state-index';

/** Fields a state's form gains or loses between the two versions. */
export interface FormChange {
  before?: string;
  after?: string;
  added: string[];
  removed: string[];
}

/** Where cases resting in one state of the old version would go. */
export interface ProposedState {
  source: string;
  /** The proposed target: the same id when the new version has it, else none until chosen. */
  target: string | null;
  reason: 'same-id' | 'removed';
  /** For a removed state: an added state with the same task (title or form), if there is one. */
  suggestion?: string;
  /** Present when the form of the state's task changes (by key or by its fields). */
  form?: FormChange;
  /** The state holds a vote: its ballots may be carried or the vote restarted. */
  voting: boolean;
}

/** The proposed mapping between two versions of one process, from their difference. */
export interface MappingProposal {
  key: string;
  from: number;
  to: number;
  states: ProposedState[];
  /** States only the new version has. */
  added: string[];
}

/**
 * Proposes a state mapping from the difference of two versions: every state a case can rest in
 * (atomic, not final) of the old version maps to itself when the new version has it; a removed one
 * needs a target (a likely one is suggested); changed forms list the fields that appear or vanish.
 */
export function proposeMapping(from: DefinitionBundle, to: DefinitionBundle): MappingProposal {
  const before = indexStates(from.definition.machine);
  const after = indexStates(to.definition.machine);
  const added = restingStates(after).filter((id) => !before.has(id));
  const states = restingStates(before).map((source): ProposedState => {
    const kept = after.has(source);
    const def = before.get(source)!.def;
    const suggestion = kept ? undefined : added.find((id) => sameTask(def, after.get(id)!.def));
    const target = kept ? source : null;
    const form = formChange(
      from,
      def,
      to,
      (target ?? suggestion) ? after.get((target ?? suggestion)!)?.def : undefined,
    );
    return {
      source,
      target,
      reason: kept ? 'same-id' : 'removed',
      ...(suggestion ? { suggestion } : {}),
      ...(form ? { form } : {}),
      voting: Boolean(def.task?.voting),
    };
  });
  return {
    key: to.definition.key,
    from: from.version ?? 1,
    to: to.version ?? 1,
    states,
    added,
  };
}

/** The states a case can rest in: atomic and not final. */
export function restingStates(index: StateIndex): string[] {
  return [...index.values()].filter((s) => s.kind === 'atomic').map((s) => s.id);
}

function sameTask(a: StateDef, b: StateDef): boolean {
  if (!a.task || !b.task) return false;
  return (
    (a.task.form !== undefined && a.task.form === b.task.form) ||
    JSON.stringify(a.task.title) === JSON.stringify(b.task.title)
  );
}

function formChange(
  from: DefinitionBundle,
  def: StateDef,
  to: DefinitionBundle,
  target: StateDef | undefined,
): FormChange | undefined {
  if (!target) return undefined;
  const beforeKey = def.task?.form;
  const afterKey = target.task?.form;
  const beforeFields = fieldsOf(beforeKey ? from.forms[beforeKey] : undefined);
  const afterFields = fieldsOf(afterKey ? to.forms[afterKey] : undefined);
  const added = afterFields.filter((f) => !beforeFields.includes(f));
  const removed = beforeFields.filter((f) => !afterFields.includes(f));
  if (beforeKey === afterKey && added.length === 0 && removed.length === 0) return undefined;
  return {
    ...(beforeKey ? { before: beforeKey } : {}),
    ...(afterKey ? { after: afterKey } : {}),
    added,
    removed,
  };
}

/** A form's fields: the properties of its schema, nested objects as dotted paths. */
function fieldsOf(form: FormDefinition | undefined): string[] {
  const out: string[] = [];
  const walk = (schema: unknown, prefix: string) => {
    const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
    for (const [name, sub] of Object.entries(props)) {
      const path = prefix ? `${prefix}.${name}` : name;
      if ((sub as { properties?: unknown }).properties) walk(sub, path);
      else out.push(path);
    }
  };
  walk(form?.schema, '');
  return out.sort();
}
