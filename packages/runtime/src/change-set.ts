import type {
  CaseSnapshot,
  Command,
  CompiledDefinition,
  Directory,
  LocalizedText,
  NameLookup,
  StepResult,
  TaskOrigin,
  TaskRecord,
  TaskSubject,
} from '@flowform/engine';
import { isSystemEntry, renderCaseTitle, taskSubject } from '@flowform/engine';
import { taskSearch } from './search-text';
import { type AuditRowContent, canonicalJson, chainHash, sha256Hex } from './audit-chain';
import { type StepRecord, stepRecordOf } from './step-record';

/** Rows one command writes, computed from the snapshots before and after it. Pure. */
export interface ChangeSet {
  instance: {
    id: string;
    snapshot: CaseSnapshot;
    version: number;
    expectedVersion: number;
    status: string;
    endedAt: string | null;
    /** How the case ended (the final state's declared outcome, or `cancelled`); null while running. */
    outcome: string | null;
    /** The case's title from the definition's template (written by a start only). */
    title: LocalizedText | null;
    updatedAt: string;
  };
  /** Task rows to insert or, when the id exists (changed, closed, reopened by 撤回), to update. */
  tasks: TaskRow[];
  /** Tasks whose offered-candidate rows are replaced (closed, claimed, transferred…). */
  resetCandidates: string[];
  newCandidates: {
    task_id: string;
    role: string | null;
    unit: string | null;
    username: string | null;
    created_at: string;
  }[];
  removedTimers: string[];
  newTimers: { id: string; kind: string; due_at: string }[];
  audit: AuditRowContent & { prev_hash: string; hash: string };
  outbox: { dedup_key: string; kind: string; payload: unknown }[];
  participants: string[];
  cc: { username: string; cc_by: string; task_id: string | null; at: string }[];
  votes: { state_id: string; signer: string; ballot: string }[];
  comment: { task_id: string | null; text: string } | null;
  /** A start's or completion's step record (derived from the audit row), else null. */
  record: StepRecord | null;
}

/** One task row as written: new and changed tasks go through the same upsert. */
export interface TaskRow {
  id: string;
  definition_key: string;
  state_id: string;
  title: unknown;
  assignee: string | null;
  created_at: string;
  due_at: string | null;
  urged: number;
  search: string;
  status: string;
  ended_at: string | null;
  ended_by: string | null;
  outcome: string | null;
  case_title: LocalizedText | null;
  initiator: string;
  case_unit: string | null;
  origin: TaskOrigin | null;
  /** What a multi-instance task works on (its `item`, the cadre a rater scores), named; else null. */
  subject: TaskSubject | null;
}

/** Everything the change set needs besides the step result. */
export interface ChangeContext {
  compiled: CompiledDefinition;
  before: CaseSnapshot | undefined;
  result: StepResult;
  command: Command;
  prevHash: string;
  now: string;
  /** Recorded so replay can tell when the directory has changed since. */
  directoryVersion?: string;
  /** The version the tasks closed by the command were opened under, when it is another (a migration). */
  compiledBefore?: CompiledDefinition;
  /** Names people and units in case titles and search text (their usernames and ids otherwise). */
  directory?: Directory;
}

/** Diffs the snapshots into rows: new and closed tasks, candidates, timers, audit, outbox. */
export function computeChangeSet(ctx: ContextLike): ChangeSet {
  const { before, result, compiled, command, now } = ctx;
  const after = result.snapshot;
  const oldTasks = new Map((before?.tasks ?? []).map((t) => [t.id, t]));
  const newTasks = new Map(after.tasks.map((t) => [t.id, t]));
  const audit = auditRow(ctx);
  const change: ChangeSet = {
    instance: {
      id: after.instanceId,
      snapshot: after,
      version: after.version,
      expectedVersion: before?.version ?? 0,
      status: after.status,
      endedAt: after.endedAt ?? null,
      outcome: after.outcome ?? null,
      title: renderCaseTitle(compiled.definition.caseTitle, after.data, nameLookup(ctx.directory)),
      updatedAt: now,
    },
    tasks: [],
    resetCandidates: [],
    newCandidates: [],
    removedTimers: [],
    newTimers: [],
    audit,
    outbox: result.effects.map((effect, i) => ({
      dedup_key: ('dedupKey' in effect && effect.dedupKey) || `${after.instanceId}:v${after.version}:e${i}`,
      kind: effect.type,
      payload: effect,
    })),
    participants: participants(before, after, ctx),
    cc: after.cc
      .filter((c) => !before?.cc.some((b) => b.user === c.user))
      .map((c) => ({ username: c.user, cc_by: c.by, task_id: c.taskId ?? null, at: c.at })),
    votes: votes(command, before, after),
    comment: commentOf(command),
    record: stepRecordOf(audit),
  };
  for (const task of after.tasks) {
    const old = oldTasks.get(task.id);
    if (!old) {
      change.tasks.push(taskRow(compiled, task, after, ctx.directory));
      change.newCandidates.push(...candidateRows(task));
    } else if (taskChanged(old, task)) {
      change.tasks.push(taskRow(compiled, task, after, ctx.directory));
      if (
        old.assignee !== task.assignee ||
        canonicalJson(old.candidates) !== canonicalJson(task.candidates)
      ) {
        if (candidateRows(old).length > 0) change.resetCandidates.push(task.id);
        change.newCandidates.push(...candidateRows(task));
      }
    }
  }
  const endedBy = command.type === 'complete' && !isSystemEntry(result.audit) ? result.audit.actor : null;
  for (const old of oldTasks.values()) {
    if (newTasks.has(old.id)) continue;
    const completed = command.type === 'complete' && command.taskId === old.id;
    change.tasks.push({
      ...taskRow(ctx.compiledBefore ?? compiled, old, before ?? after, ctx.directory),
      status: completed ? 'completed' : statusOfClosed(command, after),
      ended_at: now,
      ended_by: completed ? endedBy : null,
      outcome: completed && command.type === 'complete' ? command.outcome : null,
    });
    if (candidateRows(old).length > 0) change.resetCandidates.push(old.id);
  }
  const oldTimers = new Set(dueTimers(before).map((t) => t.id));
  const currentTimers = new Set(dueTimers(after).map((t) => t.id));
  change.removedTimers = [...oldTimers].filter((id) => !currentTimers.has(id));
  change.newTimers = dueTimers(after)
    .filter((t) => !oldTimers.has(t.id))
    .map((t) => ({ id: t.id, kind: t.kind, due_at: t.dueAt }));
  return change;
}

/**
 * The timers the worker may fire: none while the case is suspended (their rows go with the
 * `suspend` and come back with the `resume`, due at their own times, so overdue ones fire then).
 */
function dueTimers(snap: CaseSnapshot | undefined): CaseSnapshot['timers'] {
  return !snap || snap.suspension ? [] : snap.timers;
}

type ContextLike = ChangeContext;

/** The row of an open task (closing overrides status and the ended fields). */
function taskRow(
  compiled: CompiledDefinition,
  task: TaskRecord,
  snap: CaseSnapshot,
  directory: Directory | undefined,
): TaskRow {
  const def = compiled.index.get(task.stateId)?.def.task;
  const title = def?.title ?? { 'zh-CN': task.stateId, en: task.stateId };
  const caseTitle = renderCaseTitle(compiled.definition.caseTitle, snap.data, nameLookup(directory));
  const initiatorName = directory?.user(snap.initiator)?.displayName ?? null;
  const subject = directory ? taskSubject(task.item, directory) : null;
  return {
    id: task.id,
    definition_key: compiled.definition.key,
    state_id: task.stateId,
    title,
    assignee: task.assignee ?? null,
    created_at: task.createdAt,
    due_at: task.dueAt ?? null,
    urged: task.urged,
    search: taskSearch(compiled, { stateId: task.stateId, title, caseTitle, subject }, initiatorName, snap),
    status: 'open',
    ended_at: null,
    ended_by: null,
    outcome: null,
    case_title: caseTitle,
    initiator: snap.initiator,
    case_unit: snap.caseUnit ?? null,
    origin: task.origin ?? null,
    subject,
  };
}

/** Usernames and unit ids to their names, when the directory knows them. */
function nameLookup(directory: Directory | undefined): NameLookup | undefined {
  return directory && ((v) => directory.user(v)?.displayName ?? directory.unit(v)?.name);
}

/** Offered-to rows exist only while nobody holds the task, so role inboxes list unclaimed work only. */
function candidateRows(task: TaskRecord): ChangeSet['newCandidates'] {
  if (task.assignee) return [];
  return [
    ...task.candidates.users.map((username) => ({
      task_id: task.id,
      role: null,
      unit: null,
      username,
      created_at: task.createdAt,
    })),
    ...task.candidates.roles.map((r) => ({
      task_id: task.id,
      role: r.role,
      unit: r.unit,
      username: null,
      created_at: task.createdAt,
    })),
  ];
}

function taskChanged(a: TaskRecord, b: TaskRecord): boolean {
  return (
    a.assignee !== b.assignee ||
    a.dueAt !== b.dueAt ||
    a.urged !== b.urged ||
    canonicalJson(a.candidates) !== canonicalJson(b.candidates) ||
    canonicalJson(a.origin ?? null) !== canonicalJson(b.origin ?? null)
  );
}

function statusOfClosed(command: Command, after: CaseSnapshot): string {
  if (command.type === 'withdraw') return 'withdrawn';
  if (command.type === 'return') return 'returned';
  if (command.type === 'migrate') return 'migrated';
  if (after.status === 'cancelled') return 'cancelled';
  return 'closed';
}

function auditRow(ctx: ChangeContext): ChangeSet['audit'] {
  const { result, compiled, command, now, prevHash } = ctx;
  const a = result.audit;
  const data = 'data' in command ? command.data : undefined;
  const row: AuditRowContent = {
    instance_id: result.snapshot.instanceId,
    seq: a.seq,
    at: now,
    actor: a.actor,
    action: a.action,
    task_id: a.taskId ?? null,
    outcome: a.outcome ?? null,
    comment: a.comment ?? null,
    data_digest: data ? sha256Hex(canonicalJson(data)) : null,
    definition_key: compiled.definition.key,
    definition_version: compiled.version,
    // No defensive JSON copy: canonicalJson hashes exactly what JSON.stringify stores.
    detail: {
      ...((a.detail ?? {}) as Record<string, unknown>),
      ...(ctx.directoryVersion !== undefined ? { directoryVersion: ctx.directoryVersion } : {}),
    },
  };
  return { ...row, prev_hash: prevHash, hash: chainHash(prevHash, row) };
}

/**
 * People newly involved: the actor, the initiator, holders and named candidates of open tasks, CC.
 * Those already involved in the snapshot before were written by the command that made it, so only
 * the newcomers are inserted (most commands insert none).
 */
function participants(before: CaseSnapshot | undefined, after: CaseSnapshot, ctx: ChangeContext): string[] {
  const people = peopleOf(after);
  if (!isSystemEntry(ctx.result.audit)) people.add(ctx.result.audit.actor);
  const known = before ? peopleOf(before) : new Set<string>();
  return [...people].filter((u) => !known.has(u)).sort();
}

function peopleOf(snapshot: CaseSnapshot): Set<string> {
  const people = new Set<string>([snapshot.initiator]);
  for (const task of snapshot.tasks) {
    if (task.assignee) people.add(task.assignee);
    for (const u of task.candidates.users) people.add(u);
    if (task.delegatedBy) people.add(task.delegatedBy);
  }
  for (const c of snapshot.cc) people.add(c.user);
  return people;
}

function votes(command: Command, before: CaseSnapshot | undefined, after: CaseSnapshot): ChangeSet['votes'] {
  if (command.type !== 'complete' || !before) return [];
  const task = before.tasks.find((t) => t.id === command.taskId);
  if (!task?.signer) return [];
  const ballot = (after.votes[task.stateId] ?? before.votes[task.stateId])?.state.ballots[task.signer];
  return [{ state_id: task.stateId, signer: task.signer, ballot: ballot ?? command.outcome }];
}

function commentOf(command: Command): ChangeSet['comment'] {
  if (command.type === 'comment') return { task_id: command.taskId ?? null, text: command.text };
  if ('comment' in command && command.comment?.trim())
    return { task_id: 'taskId' in command ? (command.taskId ?? null) : null, text: command.comment };
  return null;
}
