/**
 * The API's JSON shapes as the web app reads them. They mirror the server's OpenAPI schemas
 * (`/openapi.json`); definitions and forms use the engine's own types.
 */
import type { FormDefinition, LocalizedText, ProcessDefinition } from '@flowform/engine/browser';

export interface RoleInUnit {
  role: string;
  roleName: LocalizedText;
  unit: string;
  unitName: LocalizedText;
}

export interface Me {
  username: string;
  displayName: LocalizedText;
  isAdmin: boolean;
  roles: RoleInUnit[];
  units: { id: string; kind: string; name: LocalizedText }[];
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface FormView {
  key: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

export interface Startable {
  key: string;
  version: number;
  name: LocalizedText;
  description: LocalizedText;
  startForm: FormView | null;
}

export interface DefinitionVersion {
  key: string;
  version: number;
  hash: string;
  definition: ProcessDefinition;
  forms: Record<string, FormDefinition>;
}

export type InboxScope = 'todo' | 'done' | 'cc';
export type DueFilter = 'soon' | 'overdue';

export interface InboxItem {
  taskId: string | null;
  instanceId: string;
  definitionKey: string;
  stateId: string | null;
  title: LocalizedText | null;
  assignee: string | null;
  status: string;
  outcome: string | null;
  createdAt: string;
  dueAt: string | null;
  urged: number;
  sortAt: string;
}

export interface CaseListItem {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: string;
  initiator: string;
  startedAt: string;
  endedAt: string | null;
}

export interface Outcome {
  key: string;
  label: LocalizedText;
  requiresComment: boolean;
}

/** What a viewer may do with a task (the server's `operations`). */
export type Operation =
  | 'claim'
  | 'unclaim'
  | 'complete'
  | 'transfer'
  | 'delegate'
  | 'addSigner'
  | 'removeSigner'
  | 'return'
  | 'cc'
  | 'urge'
  | 'comment';

export interface TaskView {
  id: string;
  instanceId: string;
  definitionKey: string;
  definitionName: LocalizedText;
  stateId: string;
  title: LocalizedText;
  status: string;
  assignee: string | null;
  holders: string[];
  delegatedBy: string | null;
  createdAt: string | null;
  dueAt: string | null;
  urged: number;
  form: FormView | null;
  data: Record<string, unknown>;
  outcomes: Outcome[];
  operations: Operation[];
  returnTargets: string[];
}

export interface TaskSummary {
  id: string;
  stateId: string;
  title: LocalizedText;
  assignee: string | null;
  holders: string[];
  signer: string | null;
  createdAt: string;
  dueAt: string | null;
  urged: number;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface CaseView {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  name: LocalizedText;
  status: 'running' | 'completed' | 'cancelled';
  initiator: string;
  startedAt: string;
  endedAt: string | null;
  confidential: boolean;
  visibility: string;
  parentId: string | null;
  data: Record<string, unknown>;
  activeStates: string[];
  tasks: TaskSummary[];
  children: { id: string; process: string; status: string; instanceId: string | null }[];
  attachments: Attachment[];
  comments: { author: string; text: string; at: string; taskId: string | null }[];
  withdrawable: boolean;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  taskId: string | null;
  /** Not sent by the server yet: the state the entry happened in. */
  stateId?: string | null;
  outcome: string | null;
  comment: string | null;
  dataDigest: string | null;
  definitionVersion: number;
  prevHash: string;
  hash: string;
}

export interface History {
  entries: HistoryEntry[];
  chainValid: boolean;
}

export interface CommandResult {
  instanceId: string;
  version: number;
  status: 'running' | 'completed' | 'cancelled';
  tasks: string[];
  replayed: boolean;
}

export interface StartedCase {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: string;
  tasks: TaskSummary[];
}

export interface Notification {
  id: string;
  kind: string;
  instanceId: string | null;
  taskId: string | null;
  message: LocalizedText | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

/** A person as a picker lists them (needs a directory endpoint on the server). */
export interface DirectoryUser {
  username: string;
  displayName: LocalizedText;
  roles?: RoleInUnit[];
}

export interface DirectoryUnit {
  id: string;
  kind: string;
  name: LocalizedText;
  parent?: string | null;
}

/** The demo accounts the server lists on the login page when it runs in demo mode. */
export interface DemoInfo {
  demo: boolean;
  accounts: { username: string; displayName: LocalizedText; roles?: RoleInUnit[] }[];
}
