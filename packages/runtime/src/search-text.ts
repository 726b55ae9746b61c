import type { CaseSnapshot, CompiledDefinition, LocalizedText, TaskSubject } from '@flowform/engine';
import { restrictedFields, subjectOpenToAll } from '@flowform/engine';

const MAX_SEARCH = 4000;

/**
 * What an inbox search matches, lower-cased: the step and process names, the case title, the
 * initiator's username and the case data's text and numbers (top level and one list deep), except
 * the `restricted` fields some viewer may not see (a search must not find a task by a value its
 * holder cannot read). The initiator's display name is matched at query time against the
 * directory, so a rename needs no rewrite.
 */
export function searchText(
  texts: (LocalizedText | null)[],
  snap: CaseSnapshot,
  restricted: ReadonlySet<string> = new Set(),
): string {
  const parts: string[] = [];
  for (const t of texts) if (t) parts.push(t['zh-CN'], t.en);
  parts.push(snap.initiator);
  for (const [field, value] of Object.entries(snap.data))
    if (!restricted.has(field)) collect(value, parts, 1);
  const text = [...new Set(parts.filter(Boolean))].join(' ').toLowerCase();
  return text.length > MAX_SEARCH ? text.slice(0, MAX_SEARCH) : text;
}

function collect(value: unknown, into: string[], depth: number): void {
  if (typeof value === 'string') into.push(value.length > 200 ? value.slice(0, 200) : value);
  else if (typeof value === 'number') into.push(String(value));
  else if (Array.isArray(value) && depth > 0) for (const v of value) collect(v, into, depth - 1);
}

/** What a task row shows, as its search text needs it. */
export interface TaskSearchParts {
  stateId: string;
  title: LocalizedText;
  caseTitle: LocalizedText | null;
  subject: TaskSubject | null;
}

/**
 * A task row's search text: its step, process and case titles, the initiator's name, the subject
 * where every holder may see it, and the case data without the fields some viewer may not see.
 */
export function taskSearch(
  compiled: CompiledDefinition,
  row: TaskSearchParts,
  initiatorName: LocalizedText | null,
  snap: CaseSnapshot,
): string {
  return searchText(
    [
      row.title,
      compiled.definition.name,
      row.caseTitle,
      initiatorName,
      subjectOpenToAll(compiled, row.stateId) ? subjectName(row.subject) : null,
    ],
    snap,
    restrictedFields(compiled),
  );
}

/** The subject as search matches it: the person's, unit's or text's name in both languages. */
function subjectName(subject: TaskSubject | null): LocalizedText | null {
  if (!subject) return null;
  return subject.kind === 'text' ? subject.text : subject.name;
}
