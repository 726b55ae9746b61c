import type { LocalizedText } from '@flowform/engine';

/** Final-state ids and names that mean "no": reject, dismiss, not pursued, no reward, withdrawn … */
const REJECTING_ID = /reject|dismiss|not-?pursu|no-?reward|abandon|withdr|refus|declin|deni|deny/i;
const REJECTING_NAME = /不予|未批准|不同意|驳回|撤销|不批准/;

/**
 * Approved or rejected, for a process whose final states declare no outcome: derived from the
 * final state's id and names (a `rejected` or `dismissed` state, "不予追究"); a cancelled case is
 * neither.
 */
export function outcomeVerdict(
  status: string,
  finalState: string,
  name: LocalizedText | undefined,
): 'approved' | 'rejected' | 'cancelled' {
  if (status !== 'completed') return 'cancelled';
  const rejecting =
    REJECTING_ID.test(finalState) ||
    REJECTING_ID.test(name?.en ?? '') ||
    REJECTING_NAME.test(name?.['zh-CN'] ?? '');
  return rejecting ? 'rejected' : 'approved';
}
