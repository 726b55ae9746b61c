/**
 * What can happen next to a running case: each open step's outcomes (with every form sample), its
 * returns (退回), a child case ending, or — when nobody acts — the next timer firing.
 */
import type { CaseSnapshot, TaskRecord, TimerRecord } from '../stepping/case-snapshot';
import type { Actor, Command } from '../stepping/commands';
import { SYSTEM_ACTOR } from '../stepping/system-actor';
import { formSamples } from './form-samples';
import { holders, person, type SimContext, taskDefOf } from './sim-context';
import type { SimAction } from './simulation-types';

/** One thing to try: the command, who issues it, when, and how the report names it. */
export interface Choice {
  command: Command;
  actor: Actor;
  at: number;
  action: SimAction;
  /** The timer a `timerFired` choice fires (its siblings of a multi-instance step fire with it). */
  timer?: TimerRecord;
}

const COMMENT = '模拟意见 (simulated comment)';

function taskChoices(ctx: SimContext, snap: CaseSnapshot, task: TaskRecord, at: number): Choice[] {
  const def = taskDefOf(ctx, task.stateId);
  const user = task.signer ?? holders(ctx, task)[0];
  if (!user) return [];
  const actor = { username: user };
  const who = person(ctx, user);
  const form = def.form ? ctx.bundle.forms[def.form] : undefined;
  const locked = new Set(
    Object.entries(def.fieldPermissions ?? {})
      .filter(([, p]) => p !== 'editable')
      .map(([k]) => k),
  );
  const out: Choice[] = [];
  for (const outcome of def.outcomes) {
    const samples =
      form && !outcome.skipValidation
        ? formSamples(form, snap.data, ctx.facts, ctx.catalogue, locked)
        : [undefined];
    samples.forEach((sample, variant) => {
      const command: Command = {
        type: 'complete',
        taskId: task.id,
        outcome: outcome.key,
        data: sample?.data,
      };
      if (outcome.requiresComment) command.comment = COMMENT;
      const action: SimAction = {
        kind: 'complete',
        state: task.stateId,
        title: def.title,
        outcome: outcome.key,
        label: outcome.label,
        user: who,
        variant,
        ...(sample?.note ? { sample: sample.note } : {}),
      };
      out.push({ command, actor, at, action });
    });
  }
  if (def.operations?.includes('return')) {
    for (const target of def.returnTargets ?? []) {
      out.push({
        command: { type: 'return', taskId: task.id, target, comment: COMMENT },
        actor,
        at,
        action: { kind: 'return', state: task.stateId, title: def.title, target, user: who },
      });
    }
  }
  return out;
}

/** Every choice at this moment, the likeliest first; one representative task per state (votes). */
export function choicesAt(ctx: SimContext, snap: CaseSnapshot, at: number): Choice[] {
  const out: Choice[] = [];
  const states = new Set<string>();
  for (const task of snap.tasks) {
    if (states.has(task.stateId)) continue;
    states.add(task.stateId);
    out.push(...taskChoices(ctx, snap, task, at));
  }
  for (const child of snap.children) {
    if (child.status !== 'running' || !child.stateId) continue;
    for (const status of ['completed', 'cancelled'] as const) {
      out.push({
        command: { type: 'childDone', childId: child.id, status },
        actor: SYSTEM_ACTOR,
        at,
        action: { kind: 'childDone', state: child.stateId, status },
      });
    }
  }
  const timer = [...snap.timers].sort((a, b) => a.dueAt.localeCompare(b.dueAt))[0];
  if (timer) {
    out.push({
      command: { type: 'timerFired', timerId: timer.id },
      actor: SYSTEM_ACTOR,
      at: Math.max(at, Date.parse(timer.dueAt)),
      action: { kind: 'timer', timer: timer.kind, state: timer.stateId },
      timer,
    });
  }
  return out;
}
