/**
 * Sets of Unicode code points as sorted, disjoint, inclusive ranges; the pattern analyser
 * uses them to decide whether two parts of a regex can match the same character.
 */

/** Sorted, non-overlapping, non-adjacent inclusive ranges of code points. */
export type CharSet = ReadonlyArray<readonly [number, number]>;

const MAX_CODE_POINT = 0x10ffff;

/** No character at all. */
export const EMPTY: CharSet = [];

/** Every character (also stands in for classes we do not model, like `\p{…}`). */
export const ANY: CharSet = [[0, MAX_CODE_POINT]];

/** Builds a normalised set from arbitrary ranges. */
export function charSet(ranges: ReadonlyArray<readonly [number, number]>): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** A set holding exactly the given characters. */
export function chars(text: string): CharSet {
  return charSet([...text].map((c) => [c.codePointAt(0)!, c.codePointAt(0)!] as const));
}

/** The union of two sets. */
export function union(a: CharSet, b: CharSet): CharSet {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  return charSet([...a, ...b]);
}

/** Every character not in the set. */
export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

/** Whether the two sets share at least one character. */
export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aLo, aHi] = a[i]!;
    const [bLo, bHi] = b[j]!;
    if (aHi < bLo) i++;
    else if (bHi < aLo) j++;
    else return true;
  }
  return false;
}

/** `\d` */
export const DIGIT: CharSet = [[0x30, 0x39]];

/** `\w` */
export const WORD: CharSet = charSet([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);

/** `\s` as ECMAScript defines it (white space plus line terminators). */
export const SPACE: CharSet = charSet([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
