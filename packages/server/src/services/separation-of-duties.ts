import type { CaseSnapshot, TaskRecord, UserTaskDef } from '@flowform/engine';
import type { VisibleCase } from './case-access';

/**
 * Separation of duties (职责分离), a server-side rule on top of the engine's assignment:
 * neither the case's initiator nor its subject may complete a *decision task* of that case.
 *
 * Definition-level convention (all in `definition.parameters`, so administrators see and edit it):
 * - `subjectField`: `{ value: "<case field>" }` (or a list of fields) naming the case field(s) that
 *   hold the username of the person the case is about (e.g. the cadre held accountable).
 * - `decisionStates`: `{ value: ["<state id>", …] }`, the task states that are decisions. Without it,
 *   every task with an `approve` outcome is a decision, except tasks assigned to the initiator.
 * The engine would let such a person act if the assignment rule offered them the task (say, the
 * subject also holds the approving role); the server refuses with 403 `separation-of-duties`.
 */
export function separationConflict(
  found: Pick<VisibleCase, 'compiled' | 'snapshot'>,
  task: TaskRecord,
  username: string,
): 'initiator' | 'subject' | undefined {
  const definition = found.compiled.definition;
  const def = found.compiled.index.get(task.stateId)?.def.task;
  if (!def || !isDecision(def, task.stateId, definition.parameters)) return undefined;
  if (subjectsOf(found.snapshot, definition.parameters).includes(username)) return 'subject';
  if (found.snapshot.initiator === username) return 'initiator';
  return undefined;
}

type Parameters = Record<string, { value: unknown }> | undefined;

function isDecision(def: UserTaskDef, stateId: string, parameters: Parameters): boolean {
  const declared = parameters?.decisionStates?.value;
  if (Array.isArray(declared)) return declared.includes(stateId);
  return def.assignment.kind !== 'initiator' && def.outcomes.some((o) => o.key === 'approve');
}

function subjectsOf(snapshot: CaseSnapshot, parameters: Parameters): string[] {
  const spec = parameters?.subjectField?.value;
  const fields =
    typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec.filter((f) => typeof f === 'string') : [];
  return fields.flatMap((field) => {
    const value = snapshot.data[field];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  });
}
