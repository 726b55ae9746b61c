import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, chainHash, GENESIS_HASH } from './audit-chain';

/**
 * Reference: the first implementation, which every stored hash chain was written with. (Rebuilding
 * sorted objects for JSON.stringify cannot serve: integer-like keys always enumerate first.)
 */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : referenceCanonical(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceCanonical(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('given any JSON value, then the text is byte for byte what existing hash chains were written with', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(referenceCanonical(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('given the same object built in another key order, then the text is the same', () => {
    const a = { 审批: 1, b: [{ y: 2, x: null }], a: 'é' };
    const b = { a: 'é', b: [{ x: null, y: 2 }], 审批: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":"é","b":[{"x":null,"y":2}],"审批":1}');
  });

  it('given values JSON cannot hold (undefined, functions, dates, nested toJSON), then the text equals that of their JSON round trip', () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(() => 1),
      fc.date({ noInvalidDate: true }),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.oneof(odd, fc.array(odd))), (value) => {
        expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
      }),
      { numRuns: 300 },
    );
  });

  it('given undefined members, then object keys are left out and array slots become null, as after a JSON round trip', () => {
    const value = { keep: 1, drop: undefined, list: [1, undefined, 3] };
    expect(canonicalJson(value)).toBe(canonicalJson(JSON.parse(JSON.stringify(value))));
  });
});

describe('chainHash', () => {
  it('given one changed field, then the hash changes', () => {
    const row = {
      instance_id: 'c1',
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      actor: 'w1',
      action: 'start',
      task_id: null,
      outcome: null,
      comment: null,
      data_digest: null,
      definition_key: 'k',
      definition_version: 1,
      detail: { a: 1 },
    };
    expect(chainHash(GENESIS_HASH, row)).not.toBe(chainHash(GENESIS_HASH, { ...row, actor: 'w2' }));
    expect(chainHash(GENESIS_HASH, row)).toMatch(/^[0-9a-f]{64}$/);
  });
});
