/**
 * Regular expressions, one engine and one screening rule for CEL `matches()` and form `pattern` /
 * `patternProperties` (ajv and the interpreter): RE2 syntax, run by re2js, an automaton. Matching
 * never backtracks (`(a+)+$`, `(a|aa)*b` and `.*.*.*=` are linear), but it costs input length times
 * program size: `.{0,999}[0-9]` is a 2,000-instruction program, seconds on 100 KB. So the screening
 * refuses, with the same codes wherever a pattern is written:
 *
 * - `regex-invalid`: not RE2 (backreferences, lookaround, `[^]`, bad syntax); JavaScript's `\uXXXX`
 *   and `\u{…}` are accepted and read as RE2's `\x{…}` (the usual spelling in JSON Schema patterns);
 * - `regex-too-large`: longer than 200 characters, or a compiled program over 250 instructions
 *   (counted repetitions multiply it; a length limit belongs in `maxLength`).
 */
import { RE2JS } from 're2js';

/** The caps: pattern length (UTF-16 units) and compiled program size (RE2 instructions). */
export const REGEX_LIMITS = Object.freeze({ maxLength: 200, maxProgramSize: 250 });

/** The codes a pattern is refused with, the same for CEL and forms. */
export const REGEX_REFUSAL_CODES = ['regex-invalid', 'regex-too-large'] as const;

/** Why a pattern is refused, in lint's terms; the code is the same for CEL and forms. */
export interface RegexRefusal {
  code: (typeof REGEX_REFUSAL_CODES)[number];
  message: string;
}

/** A compiled pattern; `test` is unanchored (a match anywhere), as CEL and JSON Schema specify. */
export interface Re2Matcher {
  readonly source: string;
  test(text: string): boolean;
  /** `/source/flag bits`: ajv keys compiled patterns by it. */
  toString(): string;
}

const HEX = /^[0-9a-fA-F]{4}$/;

/** `\uD83D\uDE00` (a surrogate pair) is one code point, as in JavaScript. */
function surrogatePair(pattern: string, i: number, high: number): number | undefined {
  if (high < 0xd800 || high > 0xdbff || pattern.slice(i + 6, i + 8) !== '\\u') return undefined;
  const low = pattern.slice(i + 8, i + 12);
  if (!HEX.test(low)) return undefined;
  const code = Number.parseInt(low, 16);
  if (code < 0xdc00 || code > 0xdfff) return undefined;
  return 0x10000 + (high - 0xd800) * 0x400 + (code - 0xdc00);
}

/** Rewrites JavaScript's `\uXXXX` and `\u{X…}` escapes as RE2's `\x{…}`; the rest is left as written. */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== '\\' || i + 1 >= pattern.length) {
      out += ch;
      continue;
    }
    const next = pattern[i + 1]!;
    const braced = next === 'u' ? /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(i + 2)) : null;
    const hex = pattern.slice(i + 2, i + 6);
    if (braced) {
      out += `\\x{${braced[1]}}`;
      i += 1 + braced[0].length;
    } else if (next === 'u' && HEX.test(hex)) {
      const pair = surrogatePair(pattern, i, Number.parseInt(hex, 16));
      out += `\\x{${(pair ?? Number.parseInt(hex, 16)).toString(16)}}`;
      i += pair === undefined ? 5 : 11;
    } else {
      out += ch + next;
      i++;
    }
  }
  return out;
}

const CACHE_SIZE = 256;
const cache = new Map<string, Re2Matcher | RegexRefusal>();

function excerpt(pattern: string): string {
  return pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern;
}

function build(pattern: string, flags: number): Re2Matcher | RegexRefusal {
  const { maxLength, maxProgramSize } = REGEX_LIMITS;
  if (pattern.length > maxLength) {
    const message = `regex '${excerpt(pattern)}' is too long (${pattern.length} characters, at most ${maxLength})`;
    return { code: 'regex-too-large', message };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(toRe2Syntax(pattern), flags);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : '';
    const message = `regex '${excerpt(pattern)}' is not valid RE2 syntax (no backreferences or lookaround): ${reason}`;
    return { code: 'regex-invalid', message };
  }
  const size = re.programSize();
  if (size > maxProgramSize) {
    const message =
      `regex '${excerpt(pattern)}' is too large (${size} instructions, at most ${maxProgramSize}): ` +
      'counted repetitions such as {0,500} multiply it; check lengths with maxLength instead';
    return { code: 'regex-too-large', message };
  }
  const display = `/${pattern}/${flags}`;
  return { source: pattern, test: (text) => re.matcher(text).find(), toString: () => display };
}

function lookup(pattern: string, flags = 0): Re2Matcher | RegexRefusal {
  const key = `${flags}/${pattern}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = build(pattern, flags);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, entry);
  }
  return entry;
}

const isRefusal = (entry: Re2Matcher | RegexRefusal): entry is RegexRefusal => 'code' in entry;

/** Why a pattern is refused, or undefined when it may be used (it then runs in bounded linear time). */
export function regexRefusal(pattern: string): RegexRefusal | undefined {
  const entry = lookup(pattern);
  return isRefusal(entry) ? entry : undefined;
}

/**
 * An ajv-compatible regex engine (`new Ajv({code: {regExp: re2RegExp}})`): flags `i`, `m`, `s` and `u`
 * map to RE2's (RE2 is always Unicode-aware); others are refused, and so are refused patterns.
 */
export function re2RegExp(pattern: string, flags = ''): Re2Matcher {
  let bits = 0;
  for (const flag of flags) {
    if (flag === 'i') bits |= RE2JS.CASE_INSENSITIVE;
    else if (flag === 'm') bits |= RE2JS.MULTILINE;
    else if (flag === 's') bits |= RE2JS.DOTALL;
    else if (flag !== 'u') throw new Error(`regex flag '${flag}' is not supported`);
  }
  const entry = lookup(pattern, bits);
  if (isRefusal(entry)) throw new Error(entry.message);
  return entry;
}
/** ajv names the engine in generated code by `code`; Flowform never emits standalone code. */
re2RegExp.code = 'flowform.re2RegExp';
