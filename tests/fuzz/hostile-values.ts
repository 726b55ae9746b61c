/**
 * Hostile inputs, by where they go: JSON values (strings, numbers, wrong types), URL text (path
 * segments and query values, already percent-encoded so NUL and lone surrogates survive), list
 * cursors, header values (Latin-1 only: anything else cannot be sent), and upload file names.
 */
import type { Random } from './seeded-random';

/** A JSON value written as raw text: numbers JavaScript cannot hold exactly. */
export class RawJson {
  constructor(readonly text: string) {}
}

const LONG = 'x'.repeat(5_000);

/** Strings that broke or could break a store, a parser or a renderer. */
export const HOSTILE_STRINGS: readonly string[] = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '',
  ' ',
  LONG,
  `${'中'.repeat(3_000)}`,
  '中文测试',
  '😀👨‍👩‍👧',
  '\u202e\u200b\ufeff',
  'NaN',
  'Infinity',
  '-0',
  '1e308',
  'null',
  'true',
  '2020-02-30',
  '2026',
  '0000-00-00',
  '2026-13-01T25:61:00Z',
  '+275760-09-13T00:00:00.000Z',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\\',
  '\r\n\t',
];

/** Strings PostgreSQL cannot store: NUL bytes and lone surrogates. */
export const UNSTORABLE: readonly string[] = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy'];

/** Numbers at and beyond the edges (raw text where JavaScript would round). */
export const HOSTILE_NUMBERS: readonly unknown[] = [
  1e308,
  -1e308,
  2 ** 64,
  new RawJson('9007199254740993'),
  new RawJson('1e400'),
  new RawJson('-0'),
  -1,
  0,
  0.5,
  2 ** 31,
  -(2 ** 63),
];

/** A value of the wrong shape for anything. */
const WRONG_TYPES: readonly (() => unknown)[] = [
  () => null,
  () => true,
  () => [],
  () => ({}),
  () => [['nested']],
  () => ({ unexpected: { deeper: ['x'] } }),
  () => deep(40),
  () => JSON.parse('{"__proto__":{"isAdmin":true}}'),
];

/** Nested arrays `depth` deep. */
export function deep(depth: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Any hostile JSON value. */
export function hostileJson(random: Random): unknown {
  const roll = random.next();
  if (roll < 0.2) return random.pick(UNSTORABLE);
  if (roll < 0.55) return random.pick(HOSTILE_STRINGS);
  if (roll < 0.8) return random.pick(HOSTILE_NUMBERS);
  return random.pick(WRONG_TYPES)();
}

/** Hostile path segments and query values, percent-encoded as they travel. */
export const HOSTILE_URL_TEXT: readonly string[] = [
  '%00',
  'a%00b',
  '%ED%A0%80',
  'x%ED%B0%80',
  '%C0%80',
  '%FF',
  '%',
  '%E4%B8%AD%E6%96%87',
  '%F0%9F%98%80',
  'a'.repeat(300),
  '..',
  '%2e%2e',
  '%2F',
  '1e308',
  '-1',
  '0',
  'NaN',
  '2026',
  '2020-02-30',
  '%20',
  '__proto__',
  'null',
  '9007199254740993',
  '18446744073709551616',
  '%5B%5D',
  '%7B%7D',
];

/** A string as URL text: percent-encoded, lone surrogates as the WTF-8 bytes a browser would send. */
export function urlText(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(ch);
  }
  return out;
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors a list cannot have handed out: bad dates inside well-formed ones, and junk. */
export const HOSTILE_CURSORS: readonly string[] = [
  '2026',
  '2020-02-30',
  b64(JSON.stringify(['2026', 'x'])),
  b64(JSON.stringify(['2020-02-30', 'x'])),
  b64(JSON.stringify(['0000-00-00', 'x'])),
  b64(JSON.stringify(['2026-13-01T25:61:00Z', 'x'])),
  b64(JSON.stringify(['+275760-09-13T00:00:00.000Z', 'x'])),
  b64(JSON.stringify(['2026-01-01T00:00:00.000Z', '\u0000'])),
  b64(JSON.stringify(['2026-01-01T00:00:00.000Z', '\ud800'])),
  b64(JSON.stringify(['2026-01-01T00:00:00.000Z', 42])),
  b64(JSON.stringify({ at: '2026-01-01T00:00:00.000Z', id: 'x' })),
  b64('null'),
  b64('[]'),
  b64('{'),
  'AAAA',
  '____',
  '!!!',
  '999999999999999999',
  '0',
];

/** Values for `Accept-Language`. */
export const HOSTILE_LANGUAGES: readonly string[] = [
  'en;q=1e308',
  'zh;q=NaN',
  'en;q=-1',
  '*',
  'fr-FR',
  'en,'.repeat(2_000),
  'x'.repeat(8_000),
  '\u00ff\u00fe',
  ';;;,,,',
  'zh-CN;q=0.5, en;q=0.5',
];

/** Values for `Idempotency-Key`. */
export const HOSTILE_IDEMPOTENCY_KEYS: readonly string[] = [
  '',
  ' ',
  'k'.repeat(201),
  '\u00ff',
  'a b',
  'k'.repeat(200),
];

/** Values for `Authorization` (and a cookie). */
export const HOSTILE_AUTH: readonly { header: string; value: string }[] = [
  { header: 'authorization', value: 'Bearer' },
  { header: 'authorization', value: `Bearer ${'x'.repeat(5_000)}` },
  { header: 'authorization', value: 'Basic YWRtaW46Zmxvd2Zvcm0=' },
  { header: 'authorization', value: 'Bearer \u00ff\u00fe' },
  { header: 'authorization', value: 'Bearer a b' },
  { header: 'authorization', value: 'Bearer %00' },
  { header: 'cookie', value: 'ff_session=%00' },
  { header: 'cookie', value: 'ff_session=%ED%A0%80' },
  { header: 'cookie', value: `ff_session=${'x'.repeat(5_000)}` },
];

/** Upload file names. */
export const HOSTILE_FILE_NAMES: readonly string[] = [
  '\u0000.txt',
  'a\u0000b.txt',
  '\ud800.txt',
  '..\\..\\boot.ini',
  '../../etc/passwd',
  '中文附件.txt',
  '😀.txt',
  `${'n'.repeat(1_000)}.txt`,
  '',
  '.',
  '"quoted".txt',
  '%00.txt',
  'CON',
];

/** JSON text of a value that may hold `RawJson` numbers. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001RAW${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0001RAW(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)]!);
}
