import { type AuditRowContent, canonicalJson, sha256Hex } from './audit-chain';

/**
 * What one person submitted at one step, kept as its own entry and never changed: the start form,
 * or a task's completion (step, performer, data, comment, attachments, time). It is derived from
 * the command's audit row (same case and seq), and that row's `data_digest` is the digest of its
 * values: the row vouches for the record, the record is readable without replaying the chain.
 */
export interface StepRecord {
  instance_id: string;
  seq: number;
  /** Null for the start form. */
  task_id: string | null;
  /** The step's state (null for the start form, and for a delegatee's hand-back). */
  state_id: string | null;
  actor: string;
  action: 'start' | 'complete';
  outcome: string | null;
  comment: string | null;
  data: Record<string, unknown>;
  /** Attachment ids the values name (uploads are ids; a value that is one is the step's file). */
  attachments: string[];
  at: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record of a person's start or completion, from its audit row; none for other commands. */
export function stepRecordOf(audit: AuditRowContent): StepRecord | null {
  if (audit.action !== 'start' && audit.action !== 'complete') return null;
  const detail = audit.detail as { command?: { data?: unknown }; events?: unknown[]; system?: boolean };
  if (detail.system) return null;
  const data = detail.command?.data;
  const values =
    data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return {
    instance_id: audit.instance_id,
    seq: audit.seq,
    task_id: audit.task_id,
    state_id: audit.action === 'start' ? null : stateOf(detail.events, audit.task_id),
    actor: audit.actor,
    action: audit.action,
    outcome: audit.outcome,
    comment: audit.comment,
    data: values,
    attachments: attachmentIds(values),
    at: audit.at,
  };
}

/** Why a stored record is not the one its audit row vouches for, or undefined when it is. */
export function recordMismatch(stored: StepRecord, audit: AuditRowContent): string | undefined {
  const expected = stepRecordOf(audit);
  if (!expected) return `row ${audit.seq} (${audit.action}) has no step record, but one is stored`;
  if (audit.data_digest !== null && sha256Hex(canonicalJson(stored.data)) !== audit.data_digest)
    return `the values of step record ${stored.seq} do not match the digest in its audit row`;
  for (const key of Object.keys(expected) as (keyof StepRecord)[]) {
    if (canonicalJson(stored[key]) !== canonicalJson(expected[key]))
      return `step record ${stored.seq}: ${key} differs from its audit row`;
  }
  return undefined;
}

function stateOf(events: unknown[] | undefined, taskId: string | null): string | null {
  for (const event of events ?? []) {
    const e = event as { taskCompleted?: string; stateId?: string };
    if (e.taskCompleted === taskId && typeof e.stateId === 'string') return e.stateId;
  }
  return null;
}

function attachmentIds(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (UUID.test(value) && !out.includes(value)) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) attachmentIds(item, out);
  else if (value && typeof value === 'object')
    for (const item of Object.values(value)) attachmentIds(item, out);
  return out;
}
