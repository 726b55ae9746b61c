import type { CaseOutcome, LocalizedText } from '../definition/definition-types';
import type { ChildEnd } from './case-snapshot';

/** Side effects a step asks for; the runtime performs them after commit (through the outbox). */
export type Effect =
  | {
      type: 'notify';
      users: string[];
      kind:
        | 'task-assigned'
        | 'reminder'
        | 'escalated'
        | 'urged'
        | 'cc'
        | 'message'
        | 'returned'
        | 'withdrawn'
        | 'case-ended';
      taskId?: string;
      /** For `case-ended`: how the case ended, so the message can name it. */
      outcome?: CaseOutcome;
      message?: LocalizedText;
      dedupKey: string;
    }
  | { type: 'startChild'; childId: string; process: string; data: Record<string, unknown>; initiator: string }
  | { type: 'cancelChild'; childId: string }
  | ({
      type: 'childFinished';
      parentInstanceId: string;
      childId: string;
      status: 'completed' | 'cancelled';
      data: Record<string, unknown>;
    } & ChildEnd)
  | { type: 'directoryChange'; kind: 'setRoleHolder'; role: string; unit: string; user: string };

/** One row of the case's audit trail. `command` lets replay refold the case. */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  taskId?: string;
  stateId?: string;
  outcome?: string;
  comment?: string;
  /** sha-like digest of the submitted form data, never the data itself in the chain. */
  dataDigest?: string;
  detail?: Record<string, unknown>;
}
