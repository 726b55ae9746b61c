import type { Directory } from '../assignment';
import type {
  AudienceEntry,
  FieldPermission,
  FieldVisibilityDef,
  UserTaskDef,
} from '../definition/definition-types';
import type { CaseSnapshot } from '../stepping/case-snapshot';
import { caseVisibility, namedBy, type Visibility } from '../stepping/case-visibility';
import type { CompiledDefinition } from '../stepping/compiled-definition';
import { canWorkTask } from '../stepping/task-access';
import { attachmentFields } from './attachment-fields';

/** A file of the case as the view judges it: its id and who uploaded it. */
export interface AttachmentRef {
  id: string;
  uploadedBy: string;
}

/** A comment (or a history entry's comment) as the view judges it: its author. */
export interface CommentRef {
  author: string;
}

/**
 * One person's view of one case: the only answer to "what may this person see of it". Every output
 * that carries case data (case page, task page, lists, history, files, comments, notifications,
 * exports) asks it; a field it hides is absent from the output, never blank.
 */
export interface CaseView {
  /** Why the person may open the case at all. */
  readonly access: NonNullable<Visibility>;
  /** Case fields this person may not see, wherever they appear (by audience, and by their open tasks). */
  readonly hiddenFields: ReadonlySet<string>;
  /** The case data without the hidden fields. */
  readonly data: Record<string, unknown>;
  seesField(field: string): boolean;
  /** The fields a task's page hides from this person: their hidden fields and those the task hides. */
  hiddenInTask(task: UserTaskDef): Set<string>;
  /** Any record of case data (a step's submission, a child's input) without the hidden fields. */
  strip(data: Record<string, unknown>): Record<string, unknown>;
  /**
   * A file belongs to the fields whose value names its id; it is shown when none of them is hidden.
   * A file no field names yet is shown to its uploader, and to others only when they see every
   * field the definition restricts (so a file meant for a restricted field never leaks meanwhile).
   */
  seesAttachment(file: AttachmentRef): boolean;
  /** Comments: to their author, and to `commentVisibility`'s audience (everyone who sees the case by default). */
  seesComment(comment: CommentRef): boolean;
}

/** Whether the person may open the case at all (the API answers 404 otherwise). */
export function canOpenCase(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): boolean {
  return caseVisibility(compiled, snap, username, directory) !== undefined;
}

/** The person's view of the case, or `undefined` when they may not open it. */
export function viewCase(
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): CaseView | undefined {
  const access = caseVisibility(compiled, snap, username, directory);
  if (!access) return undefined;
  const definition = compiled.definition;
  const inAudience = (rule: FieldVisibilityDef) =>
    rule.audience.some((entry) => reaches(entry, access, compiled, snap, username, directory));
  const restricted = Object.entries(definition.fieldVisibility ?? {});
  const byAudience = new Set(restricted.filter(([, rule]) => !inAudience(rule)).map(([field]) => field));
  const hiddenFields = new Set(byAudience);
  for (const task of snap.tasks) {
    if (!canWorkTask(task, username, directory)) continue;
    const def = compiled.index.get(task.stateId)?.def.task;
    for (const field of hiddenBy(def?.fieldPermissions)) hiddenFields.add(field);
  }
  const strip = (data: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(data).filter(([k]) => !hiddenFields.has(k)));
  const readsComments = !definition.commentVisibility || inAudience(definition.commentVisibility);
  const owners = attachmentFields(snap.data);
  return {
    access,
    hiddenFields,
    data: strip(snap.data),
    seesField: (field) => !hiddenFields.has(field),
    hiddenInTask: (task) => new Set([...byAudience, ...hiddenBy(task.fieldPermissions)]),
    strip,
    seesAttachment: (file) => {
      const fields = owners.get(file.id);
      if (fields) return fields.every((f) => !hiddenFields.has(f));
      return file.uploadedBy === username || byAudience.size === 0;
    },
    seesComment: (comment) => comment.author === username || readsComments,
  };
}

function hiddenBy(permissions: Record<string, FieldPermission> | undefined): string[] {
  return Object.entries(permissions ?? {})
    .filter(([, p]) => p === 'hidden')
    .map(([field]) => field);
}

/** Whether one audience entry includes the person, who may open the case for `access`. */
function reaches(
  entry: AudienceEntry,
  access: NonNullable<Visibility>,
  compiled: CompiledDefinition,
  snap: CaseSnapshot,
  username: string,
  directory: Directory,
): boolean {
  if (entry.kind === 'participants') return access === 'participant' || access === 'candidate';
  if (entry.kind === 'confidentialGroup')
    return namedBy(
      compiled,
      compiled.definition.confidential?.alsoVisibleTo ?? [],
      snap,
      username,
      directory,
    );
  return namedBy(compiled, [entry], snap, username, directory);
}
