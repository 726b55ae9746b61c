import { expandCandidates, resolveWithExclusions } from '../assignment';
import { resolveDueAt } from '../expressions';
import { assignmentContext } from './assignment-context';
import type { TimerRecord } from './case-snapshot';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { closeTask, fire } from './complete-task';
import { excludedUsers } from './exclusions';
import { sendEvent } from './machine-driver';
import { celVars, nextId, record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { outcomeEvent } from './task-factory';

/** `timerFired`: a due timer runs once; a timer already fired or cancelled is `stale`. */
export function timerFired(work: StepWork, command: Extract<Command, { type: 'timerFired' }>): void {
  const timer = work.snap.timers.find((t) => t.id === command.timerId);
  if (!timer) throw new StepError('stale', `Timer '${command.timerId}' is no longer pending`);
  work.snap.timers = work.snap.timers.filter((t) => t.id !== timer.id);
  record(work, { timerFired: timer.id, kind: timer.kind, stateId: timer.stateId });
  if (timer.kind === 'after') {
    sendEvent(work, { type: timer.event! });
    return;
  }
  const task = work.snap.tasks.find((t) => t.id === timer.taskId);
  if (!task) return;
  const holders = task.assignee ? [task.assignee] : expandCandidates(task.candidates, work.opts.directory);
  if (timer.kind === 'reminder' || timer.kind === 'due') {
    task.remindersSent += 1;
    work.effects.push({
      type: 'notify',
      users: holders,
      kind: 'reminder',
      taskId: task.id,
      dedupKey: `${timer.id}:fired`,
    });
    return;
  }
  escalate(work, timer, task.id, holders);
}

function escalate(work: StepWork, timer: TimerRecord, taskId: string, holders: string[]): void {
  const task = work.snap.tasks.find((t) => t.id === taskId)!;
  const def = taskDef(work.compiled, task.stateId);
  const escalation = def.escalation!;
  const round = timer.round ?? 0;
  if (round < (escalation.remind ?? 0)) {
    task.remindersSent += 1;
    work.effects.push({
      type: 'notify',
      users: holders,
      kind: 'reminder',
      taskId,
      dedupKey: `${timer.id}:fired`,
    });
    const dueAt = resolveDueAt(escalation.after, work.compiled.cel, celVars(work), work.opts.calendar);
    work.snap.timers.push({
      id: nextId(work, 'm'),
      kind: 'escalation',
      stateId: task.stateId,
      taskId,
      dueAt,
      round: round + 1,
    });
    return;
  }
  if (escalation.reassignTo) {
    const resolution = resolveWithExclusions(
      // Whoever takes over is kept to the task's exclusions; its fallback rules, if any, else the admins.
      {
        assignment: escalation.reassignTo,
        onEmpty: typeof def.onEmpty === 'object' ? def.onEmpty : 'admins',
      },
      assignmentContext(work),
      excludedUsers(work.snap, def),
    );
    if (resolution.kind === 'candidates') {
      task.candidates = resolution.candidates;
      const users = expandCandidates(resolution.candidates, work.opts.directory);
      task.assignee = users.length === 1 && resolution.candidates.roles.length === 0 ? users[0] : undefined;
      task.delegatedBy = undefined;
      record(work, { escalated: taskId, to: resolution.candidates });
      work.effects.push({ type: 'notify', users, kind: 'escalated', taskId, dedupKey: `${timer.id}:fired` });
    }
    return;
  }
  if (escalation.sendOutcome) {
    const outcome = escalation.sendOutcome;
    record(work, { autoDecision: taskId, outcome });
    if (def.voting) {
      for (const t of work.snap.tasks.filter((x) => x.stateId === task.stateId)) closeTask(work, t, outcome);
    } else {
      closeTask(work, task, outcome);
    }
    fire(work, task.stateId, outcomeEvent(def, outcome), outcome);
  }
}
