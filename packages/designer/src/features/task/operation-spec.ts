import type { TaskCommandPath, TaskOperation } from '@flowform/api';

/** How an operation is sent: its URL segment, what it asks for, and whether the task leaves me. */
export interface OperationSpec {
  path: TaskCommandPath;
  /** one person (transfer, delegate), several (cc, signers), a return target, or nothing */
  people?: 'one' | 'many';
  target?: boolean;
  comment?: 'optional' | 'required';
  /** the comment field's name in the body */
  commentKey?: 'comment' | 'text';
  position?: boolean;
  /** after it, the task is no longer mine to work */
  leaves?: boolean;
}

export const OPERATIONS: Partial<Record<TaskOperation, OperationSpec>> = {
  claim: { path: 'claim' },
  unclaim: { path: 'unclaim', leaves: true },
  transfer: { path: 'transfer', people: 'one', comment: 'optional', leaves: true },
  delegate: { path: 'delegate', people: 'one', comment: 'optional', leaves: true },
  addSigner: { path: 'add-signer', people: 'many', position: true },
  removeSigner: { path: 'remove-signer', people: 'many' },
  return: { path: 'return', target: true, comment: 'required', leaves: true },
  urge: { path: 'urge', comment: 'optional' },
  cc: { path: 'cc', people: 'many' },
  comment: { path: 'comments', comment: 'required', commentKey: 'text' },
};

/** The JSON body of an operation from what the user entered. */
export function operationBody(
  spec: OperationSpec,
  input: { people: string[]; target: string; comment: string; position: string },
): Record<string, unknown> | undefined {
  const body: Record<string, unknown> = {};
  if (spec.people === 'one') body.to = input.people[0];
  if (spec.people === 'many') body.users = input.people;
  if (spec.target) body.target = input.target;
  if (spec.position && input.position) body.position = input.position;
  if (spec.comment && input.comment.trim()) body[spec.commentKey ?? 'comment'] = input.comment.trim();
  return Object.keys(body).length > 0 || spec.comment || spec.people || spec.target ? body : undefined;
}
