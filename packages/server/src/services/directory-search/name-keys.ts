/**
 * How a name is found as typed: by its characters, and by its pinyin (Mandarin romanisation), in
 * full (`liuyonggang`), by initials (`lyg`), or mixed (`liuyg`), from its first syllable or a later
 * one (`yonggang`). The pinyin comes from `pinyin-pro` (a maintained dictionary with context and
 * surname rules): every reading of a polyphonic character is kept, and the surname reading first,
 * so 曾丽华 is found by `zlh` and by `clh`, 单 by `shan` and `dan`.
 */
import { pinyin } from 'pinyin-pro';

/** A name's syllables, each with every reading it may be typed as (plain letters, no tones). */
export type Syllables = readonly (readonly string[])[];

const HAN = /\p{Script=Han}/u;
const readingsOfChar = new Map<string, string[]>();

/** Every reading of one character, cached (a directory of thousands shares a few hundred). */
function readingsOf(char: string): string[] {
  let readings = readingsOfChar.get(char);
  if (!readings) {
    readings = pinyin(char, { toneType: 'none', type: 'array', multiple: true }).map((r) => r.toLowerCase());
    readingsOfChar.set(char, readings);
  }
  return readings;
}

/**
 * The syllables of a name: a Han character gives its reading in this name (surnames read as
 * surnames) and its other readings; a run of other letters or digits is one syllable (`101`).
 */
export function nameSyllables(name: string): Syllables {
  const inContext = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'removed' });
  const out: string[][] = [];
  let other = '';
  let han = 0;
  const flush = () => {
    for (const word of other.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) out.push([word]);
    other = '';
  };
  for (const char of name) {
    if (!HAN.test(char)) {
      other += char;
      continue;
    }
    flush();
    const contextual = inContext[han++]?.toLowerCase();
    out.push([...new Set([...(contextual ? [contextual] : []), ...readingsOf(char)])]);
  }
  flush();
  // Typed on a keyboard, ü is v (lü → lv).
  return out.map((readings) => [...new Set(readings.map((r) => r.replaceAll('ü', 'v')))]);
}

/** A query as matched: lower case, without spaces or apostrophes (`Liu Yong'gang` → `liuyonggang`). */
export function normaliseQuery(q: string): string {
  return q.toLowerCase().replace(/[\s'’]+/g, '');
}

/**
 * Where the query matches the syllables: 0 when from the first syllable, 1 from a later one,
 * undefined when not at all. Each syllable is typed in full or by a prefix (at least its initial),
 * in order, and the query may stop before the name ends. Linear in syllables × query length ×
 * readings: the positions of the query reachable after each syllable, no backtracking.
 */
export function syllableMatch(query: string, syllables: Syllables): 0 | 1 | undefined {
  const n = query.length;
  if (n === 0 || !/^[a-z0-9]+$/.test(query)) return undefined;
  let reach = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  for (let start = 0; start < syllables.length; start++) {
    reach.fill(0);
    reach[0] = 1;
    for (let j = start; j < syllables.length; j++) {
      next.fill(0);
      let moved = false;
      for (let pos = 0; pos < n; pos++) {
        if (!reach[pos]) continue;
        for (const reading of syllables[j]!) {
          const max = Math.min(reading.length, n - pos);
          for (
            let len = 1;
            len <= max && query.charCodeAt(pos + len - 1) === reading.charCodeAt(len - 1);
            len++
          ) {
            next[pos + len] = 1;
            moved = true;
          }
        }
      }
      if (next[n]) return start === 0 ? 0 : 1;
      if (!moved) break;
      [reach, next] = [next, reach];
    }
  }
  return undefined;
}
