import { RuntimeError } from './runtime-error';

/** A keyset position in a list sorted by time then id, newest first. */
export interface ListCursor {
  at: string;
  id: string;
}

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[\w.:-]{1,200}$/;

/** The opaque text a page hands out as `nextCursor`. */
export function encodeListCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id])).toString('base64url');
}

/**
 * Reads back a cursor this server minted, and nothing else: `at` must be a UTC time with
 * milliseconds that round-trips exactly (so `2020-02-30` or a year of `+275760` never reach the
 * database's `timestamptz`), `id` an id's characters. Anything else is `invalid-cursor`.
 */
export function decodeListCursor(text: string | undefined): ListCursor | undefined {
  if (text === undefined || text === '') return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (Array.isArray(parts) && parts.length === 2) {
    const [at, id] = parts;
    if (typeof at === 'string' && typeof id === 'string' && validTime(at) && ID.test(id)) return { at, id };
  }
  throw new RuntimeError('invalid-cursor', 'Invalid cursor: pass back a nextCursor this list answered');
}

function validTime(at: string): boolean {
  if (!ISO_MILLIS.test(at)) return false;
  const time = Date.parse(at);
  return !Number.isNaN(time) && new Date(time).toISOString() === at;
}
