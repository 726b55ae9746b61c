import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level: the same value always serialises to the same text.
 * It follows JSON.stringify's rules (toJSON; undefined, functions and symbols left out of objects
 * and written as null in arrays), so a value and its JSON round trip give the same text: a row's
 * hash can be computed before it is stored and checked after it is read back.
 */
export function canonicalJson(value: unknown): string {
  return canonicalMember(value) ?? 'null';
}

/** The canonical text of one member, or undefined where JSON.stringify would leave it out. */
function canonicalMember(input: unknown): string | undefined {
  const value =
    input !== null &&
    typeof input === 'object' &&
    typeof (input as { toJSON?: unknown }).toJSON === 'function'
      ? (input as { toJSON(): unknown }).toJSON()
      : input;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Plain loops and concatenation: this runs over every command's form data twice (digest and
  // row hash), and the entries/filter/map/join version allocated several arrays per object.
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalMember(value[i]) ?? 'null';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = canonicalMember(record[key]);
    if (item === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${JSON.stringify(key)}:${item}`;
  }
  return `${out}}`;
}

/** Hex SHA-256 of a string. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The chain's first link points at this. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the hash covers, as stored (and read back) from the database. */
export interface AuditRowContent {
  instance_id: string;
  seq: number;
  at: string;
  actor: string;
  action: string;
  task_id: string | null;
  outcome: string | null;
  comment: string | null;
  data_digest: string | null;
  definition_key: string;
  definition_version: number;
  detail: Record<string, unknown>;
}

/** hash = sha256(prev_hash ‖ canonical row): each row vouches for every row before it. */
export function chainHash(prevHash: string, row: AuditRowContent): string {
  return sha256Hex(prevHash + canonicalJson(row));
}
