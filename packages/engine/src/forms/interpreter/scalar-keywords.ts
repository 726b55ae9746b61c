/** Keywords for numbers (bounds, `multipleOf`) and strings (lengths, `pattern`, `format`), as ajv checks them. */
import { type Re2Matcher, re2RegExp } from '../../expressions/re2-regex';
import { fail, type KeywordPlace } from './interpreter-context';

const BOUNDS = {
  maximum: { ok: '<=', fails: (d: number, l: number) => d > l },
  minimum: { ok: '>=', fails: (d: number, l: number) => d < l },
  exclusiveMaximum: { ok: '<', fails: (d: number, l: number) => d >= l },
  exclusiveMinimum: { ok: '>', fails: (d: number, l: number) => d <= l },
} as const;

function bound(k: KeywordPlace): void {
  const { ok, fails } = BOUNDS[k.keyword as keyof typeof BOUNDS];
  const data = k.data as number;
  const limit = k.value as number;
  if (fails(data, limit) || Number.isNaN(data)) fail(k, { comparison: ok, limit }, `must be ${ok} ${limit}`);
}

function multipleOf(k: KeywordPlace): void {
  const factor = k.value as number;
  const precision = k.run.settings.multipleOfPrecision;
  const quotient = (k.data as number) / factor;
  const off = precision
    ? Math.abs(Math.round(quotient) - quotient) > Number(`1e-${precision}`)
    : quotient !== Number.parseInt(String(quotient), 10);
  if (factor === 0 || off) fail(k, { multipleOf: factor }, `must be multiple of ${factor}`);
}

/** Length in code points (a surrogate pair counts once), as ajv's `ucs2length`. */
function codePoints(text: string): number {
  let length = 0;
  for (let pos = 0; pos < text.length; length++) {
    const code = text.charCodeAt(pos++);
    if (code >= 0xd800 && code <= 0xdbff && pos < text.length && (text.charCodeAt(pos) & 0xfc00) === 0xdc00) {
      pos++;
    }
  }
  return length;
}

function length(k: KeywordPlace): void {
  const limit = k.value as number;
  const longest = k.keyword === 'maxLength';
  const size = codePoints(k.data as string);
  if (longest ? size > limit : size < limit) {
    fail(k, { limit }, `must NOT have ${longest ? 'more' : 'fewer'} than ${limit} characters`);
  }
}

/** A schema pattern as ajv compiles it: RE2 (ajv's `code.regExp`), unicode mode; cached by re2-regex. */
export function schemaRegExp(source: string): Re2Matcher {
  return re2RegExp(source, 'u');
}

function pattern(k: KeywordPlace): void {
  const source = k.value as string;
  if (!schemaRegExp(source).test(k.data as string)) {
    fail(k, { pattern: source }, `must match pattern "${source}"`);
  }
}

function format(k: KeywordPlace): void {
  if (typeof k.data !== 'string') return;
  const name = k.value as string;
  const check = Object.hasOwn(k.run.settings.formats, name) ? k.run.settings.formats[name] : undefined;
  if (check && !check(k.data)) fail(k, { format: name }, `must match format "${name}"`);
}

export const SCALAR_KEYWORDS: ReadonlyMap<string, (k: KeywordPlace) => void> = new Map([
  ['maximum', bound],
  ['minimum', bound],
  ['exclusiveMaximum', bound],
  ['exclusiveMinimum', bound],
  ['multipleOf', multipleOf],
  ['maxLength', length],
  ['minLength', length],
  ['pattern', pattern],
  ['format', format],
]);
