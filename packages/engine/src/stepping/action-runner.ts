import { AssignmentError, expandCandidates, resolveAssignment } from '../assignment';
import type { DirectoryChangeParams, NotifyParams, StartChildParams } from '../definition/definition-types';
import { assignmentContext } from './assignment-context';
import { startChild } from './child-cases';
import { closeStateWork, openStateWork } from './state-work';
import { record, type StepWork } from './step-context';

/** Carries out one action returned by the pure machine transition. Built-in XState actions are skipped. */
export function runAction(work: StepWork, type: string, params: Record<string, unknown>): void {
  switch (type) {
    case 'ff.enter':
      openStateWork(work, params.stateId as string);
      return;
    case 'ff.exit':
      closeStateWork(work, params.stateId as string);
      return;
    case 'notify':
      return notify(work, params as unknown as NotifyParams);
    case 'startChild':
      startChild(work, params as unknown as StartChildParams, undefined);
      return;
    case 'cancelChildren':
      return cancelChildren(work, params.process as string | undefined);
    case 'directoryChange':
      return directoryChange(work, params as unknown as DirectoryChangeParams);
    default:
      return;
  }
}

function notify(work: StepWork, params: NotifyParams): void {
  const resolution = resolveAssignment(params.to, assignmentContext(work), 'skip');
  if (resolution.kind === 'skip') return;
  const users = expandCandidates(resolution.candidates, work.opts.directory);
  if (users.length === 0) return;
  work.effects.push({
    type: 'notify',
    users,
    kind: 'message',
    message: params.message,
    dedupKey: `${work.snap.instanceId}:v${work.snap.version}:n${work.effects.length}`,
  });
}

function cancelChildren(work: StepWork, process: string | undefined): void {
  for (const child of work.snap.children) {
    if (child.status !== 'running' || (process && child.process !== process)) continue;
    child.status = 'cancelled';
    work.effects.push({ type: 'cancelChild', childId: child.id });
  }
}

function directoryChange(work: StepWork, params: DirectoryChangeParams): void {
  const vars = { data: work.snap.data, now: work.opts.now };
  const unit = String(work.compiled.cel.compile(params.unit).evaluate(vars));
  const user = String(work.compiled.cel.compile(params.user).evaluate(vars));
  // Refuse here, on the field the value came from, what the directory change could not apply.
  const field = (expr: string) => /^data\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(expr.trim())?.[1];
  const directory = work.opts.directory;
  if (!directory.user(user) || directory.user(user)?.disabled) {
    const at = field(params.user);
    throw new AssignmentError(
      'assignment-invalid',
      `directoryChange: no active user "${user}"`,
      at ? { field: at, expected: 'user', problem: 'unknown' } : undefined,
    );
  }
  if (!directory.unit(unit)) {
    const at = field(params.unit);
    throw new AssignmentError(
      'assignment-invalid',
      `directoryChange: no unit "${unit}"`,
      at ? { field: at, expected: 'unit', problem: 'unknown' } : undefined,
    );
  }
  work.effects.push({ type: 'directoryChange', kind: params.kind, role: params.role, unit, user });
  record(work, { directoryChange: { role: params.role, unit, user } });
}
