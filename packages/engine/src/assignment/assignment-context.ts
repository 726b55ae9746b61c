/** What a rule is resolved against: the directory and the case at the moment the task is created. */
import type { Directory } from './directory';

/** The case as assignment sees it; `evalCel` is injected because expressions live in another module. */
export interface AssignmentContext {
  directory: Directory;
  /** Case data; unit and user fields are read from here. */
  data: Record<string, unknown>;
  initiator: string;
  /** The unit the case is about; used when a rule's unit field is absent from the data. */
  caseUnit?: string;
  /** State id -> usernames who completed tasks there. */
  performers: Record<string, string[]>;
  /** Evaluates a CEL source to a username or a list of usernames. */
  evalCel?: (expr: string) => unknown;
}
