/** A directory change's operations and the refusals applying them can give (see `directory-ops`). */
import type { LocalizedText } from '../definition/definition-types';
import type { Contractor, UnitKind } from './directory-seed';

/** One operation of a directory change. */
export type DirectoryOp =
  | { op: 'addUnit'; id: string; kind: UnitKind; name: LocalizedText; parent: string | null }
  | { op: 'setUnit'; id: string; kind?: UnitKind; name?: LocalizedText }
  | { op: 'moveUnit'; id: string; parent: string | null }
  | { op: 'removeUnit'; id: string }
  | { op: 'addPerson'; username: string; displayName: LocalizedText; phone?: string | null }
  | {
      op: 'setPerson';
      username: string;
      displayName?: LocalizedText;
      phone?: string | null;
      active?: boolean;
    }
  | { op: 'deactivatePerson'; username: string }
  | { op: 'addMembership'; username: string; role: string; unit: string }
  | { op: 'removeMembership'; username: string; role: string; unit: string }
  | { op: 'setRoleHolder'; role: string; unit: string; username: string }
  | { op: 'addContract'; contractor: Contractor; unit: string }
  | { op: 'removeContract'; contractor: Contractor; unit: string };

/** Why an operation was refused: where (a JSON pointer into the change), a stable code, both languages. */
export interface DirectoryIssue {
  path: string;
  code: string;
  message: LocalizedText;
}
