/**
 * The shipped forms' patterns under the one regex rule (RE2, screened as CEL `matches()` is), and
 * the simulator's samples for them: each is accepted, and each sample matches as the checkers match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { re2RegExp, regexRefusal } from '../packages/engine/src/expressions/re2-regex';
import { regexSample } from '../packages/engine/src/simulation/regex-sample';

const FORMS = join(import.meta.dirname, '../forms');

/** Every `pattern` value and `patternProperties` key in a schema. */
function patternsOf(node: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const item of node) patternsOf(item, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') out.add(value);
      if (key === 'patternProperties' && value && typeof value === 'object')
        for (const p of Object.keys(value)) out.add(p);
      patternsOf(value, out);
    }
  }
  return out;
}

const patterns = new Set<string>();
for (const file of readdirSync(FORMS).filter((f) => f.endsWith('.json')))
  patternsOf(JSON.parse(readFileSync(join(FORMS, file), 'utf8')), patterns);

describe('the shipped forms’ patterns', () => {
  it('given the forms folder, then patterns are found', () => {
    expect(patterns.size).toBeGreaterThanOrEqual(5);
  });

  it.each([...patterns])('given %s, when screened, then it is accepted', (pattern) => {
    expect(regexRefusal(pattern)).toBeUndefined();
  });

  it.each([...patterns])(
    'given %s, when the simulator samples it, then the samples match under RE2',
    (pattern) => {
      const matcher = re2RegExp(pattern, 'u');
      for (const index of [0, 1, 2]) {
        const sample = regexSample(pattern, index);
        expect(sample).toBeDefined();
        expect(matcher.test(sample!)).toBe(true);
      }
    },
  );
});
