/**
 * Screening of `matches()` patterns. JS regexes backtrack, so a pattern like `(a+)+$` against a long
 * case field can pin the CPU for minutes. Refused (conservatively): a repeated group (`*`, `+`, `{n}`)
 * that itself contains repetition or alternation, and backreferences. `?` on a group is harmless.
 */

/** Why a pattern is refused: it does not compile, or it can backtrack catastrophically. */
export type RegexIssue = 'invalid' | 'unsafe';

const COUNTED = /^\{\d+(?:,\d*)?\}/;

function quantifierLength(pattern: string, i: number): number {
  const ch = pattern[i];
  if (ch === '*' || ch === '+' || ch === '?') return 1;
  if (ch === '{') return COUNTED.exec(pattern.slice(i))?.[0].length ?? 0;
  return 0;
}

function skipClass(pattern: string, i: number): number {
  let j = i + 1;
  while (j < pattern.length && pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
  return j + 1;
}

function hasNestedRepetition(pattern: string): boolean {
  // For each open group: does it contain repetition or alternation?
  const open: boolean[] = [];
  let closedRisky = false;
  const markInnermost = () => {
    if (open.length > 0) open[open.length - 1] = true;
  };
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    const quantifier = quantifierLength(pattern, i);
    if (quantifier > 0) {
      const repeats = ch !== '?';
      if (repeats && closedRisky) return true;
      if (repeats) markInnermost();
      i += quantifier + (pattern[i + quantifier] === '?' ? 1 : 0);
      closedRisky = false;
      continue;
    }
    closedRisky = false;
    if (ch === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) return true;
      i += 2;
    } else if (ch === '[') {
      i = skipClass(pattern, i);
    } else if (ch === '(') {
      open.push(false);
      i++;
    } else if (ch === ')') {
      closedRisky = open.pop() ?? false;
      if (closedRisky) markInnermost();
      i++;
    } else {
      if (ch === '|') markInnermost();
      i++;
    }
  }
  return false;
}

/** Returns why a `matches()` pattern is refused, or undefined when it is fine to run. */
export function regexIssue(pattern: string): RegexIssue | undefined {
  try {
    new RegExp(pattern);
  } catch {
    return 'invalid';
  }
  return hasNestedRepetition(pattern) ? 'unsafe' : undefined;
}
