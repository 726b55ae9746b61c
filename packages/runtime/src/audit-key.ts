import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The shortest key accepted: 128 bits (32 bytes, as generated, is what we recommend). */
const MIN_KEY_BYTES = 16;

/**
 * The secret that anchors the audit trail: chain heads and checkpoints carry an HMAC-SHA256 under
 * it. It is never stored in the database, so whoever can only write the database cannot forge a
 * head after editing, shortening or rehashing a chain. `id` (a fingerprint, not the key) is stored
 * beside each MAC, so a verification with another key says "wrong key" rather than "tampered".
 */
export class AuditKey {
  readonly id: string;
  readonly #secret: Buffer;

  constructor(secret: Buffer) {
    if (secret.length < MIN_KEY_BYTES)
      throw new RangeError(`an audit key has at least ${MIN_KEY_BYTES} bytes (got ${secret.length})`);
    this.#secret = Buffer.from(secret);
    this.id = createHmac('sha256', this.#secret).update('flowform-audit-key-id').digest('hex').slice(0, 16);
  }

  /** A fresh random 256-bit key. */
  static generate(): AuditKey {
    return new AuditKey(randomBytes(32));
  }

  /** A key written as hex (an even number of hex digits) or base64, surrounding blanks ignored. */
  static parse(text: string): AuditKey {
    const trimmed = text.trim();
    if (/^(?:[0-9a-fA-F]{2})+$/.test(trimmed)) return new AuditKey(Buffer.from(trimmed, 'hex'));
    if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return new AuditKey(Buffer.from(trimmed, 'base64'));
    throw new RangeError('an audit key is written as hex or base64');
  }

  /** The key as hex, for writing a generated key to its file. */
  toHex(): string {
    return this.#secret.toString('hex');
  }

  /** Hex HMAC-SHA256 of a text under the key. */
  mac(text: string): string {
    return createHmac('sha256', this.#secret).update(text).digest('hex');
  }

  /** True if `mac` is this key's MAC of the text (compared in constant time). */
  verify(text: string, mac: string): boolean {
    const expected = Buffer.from(this.mac(text), 'hex');
    const given = Buffer.from(mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

/** What a chain head's MAC covers: the case, the head's sequence number and hash. */
export function headText(instanceId: string, seq: number, hash: string): string {
  return `flowform-audit-head:v1\n${instanceId}\n${seq}\n${hash}`;
}
