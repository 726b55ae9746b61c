import { describe, expect, it } from 'vitest';
import { AuditKey, headText } from './audit-key';

const HEX = '3c'.repeat(32);

describe('AuditKey', () => {
  it('given the same bytes as hex or base64, then the key, its id and its MACs are the same', () => {
    const hex = AuditKey.parse(`  ${HEX}\n`);
    const b64 = AuditKey.parse(Buffer.from(HEX, 'hex').toString('base64'));
    expect(b64.id).toBe(hex.id);
    expect(b64.mac('x')).toBe(hex.mac('x'));
    expect(hex.id).toMatch(/^[0-9a-f]{16}$/);
    expect(hex.toHex()).toBe(HEX);
  });

  it('given a key shorter than 128 bits or not hex or base64, then it is refused', () => {
    expect(() => AuditKey.parse('ab'.repeat(15))).toThrow(/at least 16 bytes/);
    expect(() => AuditKey.parse('not a key!')).toThrow(/hex or base64/);
  });

  it('given a MAC, then only the same key and text verify it, whatever the MAC given', () => {
    const key = AuditKey.parse(HEX);
    const text = headText('case-1', 3, 'a'.repeat(64));
    const mac = key.mac(text);
    expect(key.verify(text, mac)).toBe(true);
    expect(key.verify(headText('case-1', 2, 'a'.repeat(64)), mac)).toBe(false);
    expect(AuditKey.generate().verify(text, mac)).toBe(false);
    expect(key.verify(text, mac.slice(2))).toBe(false);
    expect(key.verify(text, 'zz')).toBe(false);
  });

  it('given two generated keys, then their ids differ and neither is the id of its text', () => {
    const [a, b] = [AuditKey.generate(), AuditKey.generate()];
    expect(a.id).not.toBe(b.id);
    expect(a.toHex()).not.toContain(a.id);
  });
});
