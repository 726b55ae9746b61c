import type { Directory } from '../assignment';
import type { LocalizedText } from '../definition/definition-types';
import { dataFieldsRead } from '../expressions';
import type { CompiledDefinition } from '../stepping/compiled-definition';
import type { CaseView } from './case-view';

const MAX_TEXT = 80;

/**
 * What one instance of a multi-instance task works on (its `item`), named for people: the cadre a
 * rater scores, the unit an item concerns, or a short text of anything else. Twelve scoring tasks
 * of one leader differ by it in the inbox and on the task page.
 */
export type TaskSubject =
  | {
      kind: 'person';
      username: string;
      name: LocalizedText;
      /** The person's home unit (the unit of their first role), when the directory knows one. */
      unit: { id: string; name: LocalizedText } | null;
    }
  | { kind: 'unit'; id: string; name: LocalizedText }
  | { kind: 'text'; text: LocalizedText };

/**
 * The subject of a task whose `item` is given: a username the directory knows is the person (with
 * their home unit), a unit id the unit; other values a short text (an object's plain values joined
 * with ` · `, usernames and unit ids among them named). Null for a task without an item.
 */
export function taskSubject(item: unknown, directory: Directory): TaskSubject | null {
  if (item === undefined || item === null) return null;
  if (typeof item === 'string') {
    const user = directory.user(item);
    if (user) {
      const home = directory.rolesOf(item)[0];
      const unit = home ? directory.unit(home.unit) : undefined;
      return {
        kind: 'person',
        username: item,
        name: user.displayName,
        unit: unit ? { id: unit.id, name: unit.name } : null,
      };
    }
    const unit = directory.unit(item);
    if (unit) return { kind: 'unit', id: unit.id, name: unit.name };
  }
  const zh = shortText(item, (v) => nameOf(directory, v)?.['zh-CN'] ?? v);
  const en = shortText(item, (v) => nameOf(directory, v)?.en ?? v);
  return zh ? { kind: 'text', text: { 'zh-CN': zh, en } } : null;
}

/**
 * Whether the viewer may see the subject of a task of `stateId`: the item comes from the case fields
 * its `forEach` reads, so it is shown only when the view shows each of them on that task (every
 * field, when the expression reads the data as a whole).
 */
export function seesTaskSubject(compiled: CompiledDefinition, view: CaseView, stateId: string): boolean {
  const def = compiled.index.get(stateId)?.def.task;
  if (!def?.multiInstance) return false;
  const hidden = view.hiddenInTask(def);
  if (hidden.size === 0) return true;
  const read = dataFieldsRead(def.multiInstance.forEach);
  return !read.whole && read.fields.every((field) => !hidden.has(field));
}

/**
 * Whether a task's subject may go where no one viewer's view is asked (a notification's text, a
 * chat robot's line): only when the definition restricts none of the fields its `forEach` reads,
 * by an audience or by any task hiding it.
 */
export function subjectOpenToAll(compiled: CompiledDefinition, stateId: string): boolean {
  const def = compiled.index.get(stateId)?.def.task;
  if (!def?.multiInstance) return false;
  const restricted = restrictedFields(compiled);
  if (restricted.size === 0) return true;
  const read = dataFieldsRead(def.multiInstance.forEach);
  return !read.whole && read.fields.every((field) => !restricted.has(field));
}

/**
 * The case fields some viewer may not see: those with an audience (`fieldVisibility`) and those any
 * task hides. What is shared by every viewer of a task (a notification's text, the inbox's search
 * text) leaves them out.
 */
export function restrictedFields(compiled: CompiledDefinition): ReadonlySet<string> {
  const known = restrictedByDefinition.get(compiled);
  if (known) return known;
  const restricted = new Set(Object.keys(compiled.definition.fieldVisibility ?? {}));
  for (const info of compiled.index.values())
    for (const [field, permission] of Object.entries(info.def.task?.fieldPermissions ?? {}))
      if (permission === 'hidden') restricted.add(field);
  restrictedByDefinition.set(compiled, restricted);
  return restricted;
}

const restrictedByDefinition = new WeakMap<CompiledDefinition, ReadonlySet<string>>();

function nameOf(directory: Directory, value: string): LocalizedText | undefined {
  return directory.user(value)?.displayName ?? directory.unit(value)?.name;
}

function shortText(value: unknown, named: (value: string) => string): string {
  const text = plain(value, named);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function plain(value: unknown, named: (value: string) => string): string {
  if (typeof value === 'string') return named(value.trim());
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const parts = Array.isArray(value) ? value : value && typeof value === 'object' ? Object.values(value) : [];
  return parts
    .filter((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map((v) => plain(v, named))
    .filter(Boolean)
    .join(' · ');
}
