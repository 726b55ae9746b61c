/**
 * Regular expressions in RE2 syntax, run by re2js: an automaton, so matching takes time linear in the
 * input whatever the pattern (`(a+)+$`, `(a|aa)*b` and `.*.*.*=` included). CEL's `matches()` uses it;
 * form `pattern` checks can share it through `re2RegExp`, which has the shape ajv's `code.regExp` takes.
 * Screening: a pattern RE2 cannot compile (backreferences, lookaround) or longer than the cap is refused.
 */
import { RE2JS } from 're2js';

/** Longest pattern accepted; RE2 programs grow with the pattern, so it is capped like the source. */
export const MAX_REGEX_LENGTH = 200;

/** Why a pattern is refused. */
export type RegexIssue = 'invalid' | 'too-long';

/** A compiled pattern; `test` is unanchored (a match anywhere), as CEL `matches()` specifies. */
export interface Re2Matcher {
  readonly source: string;
  test(text: string): boolean;
}

const CACHE_SIZE = 256;
const cache = new Map<string, Re2Matcher | RegexIssue>();

function build(pattern: string, flags: number): Re2Matcher | RegexIssue {
  if (pattern.length > MAX_REGEX_LENGTH) return 'too-long';
  try {
    const re = RE2JS.compile(pattern, flags);
    return { source: pattern, test: (text) => re.matcher(text).find() };
  } catch {
    return 'invalid';
  }
}

function lookup(pattern: string, flags = 0): Re2Matcher | RegexIssue {
  const key = `${flags}/${pattern}`;
  let entry = cache.get(key);
  if (entry === undefined) {
    entry = build(pattern, flags);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, entry);
  }
  return entry;
}

/** Returns why a pattern is refused, or undefined when it compiles (it then runs in linear time). */
export function regexIssue(pattern: string): RegexIssue | undefined {
  const entry = lookup(pattern);
  return typeof entry === 'string' ? entry : undefined;
}

/**
 * An ajv-compatible regex engine (`new Ajv({code: {regExp: re2RegExp}})`): flags `i`, `m`, `s` and `u`
 * map to RE2's (RE2 is always Unicode-aware); others are refused.
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
  if (typeof entry === 'string')
    throw new Error(`regex '${pattern}' is ${entry === 'invalid' ? 'not valid RE2' : 'too long'}`);
  return entry;
}
