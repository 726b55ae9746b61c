/**
 * One regex rule for CEL and forms: the same engine (RE2, linear) in CEL `matches()`, ajv and the
 * interpreter, and the same screening with the same codes wherever a pattern is written.
 */
import { describe, expect, it } from 'vitest';
import { createCelEnvironment } from '../expressions/cel-environment';
import { createAjvChecker } from './ajv-checker';
import { checkFormSchema } from './check-form-schema';
import { createInterpretingChecker } from './interpreter/interpreting-checker';
import type { SchemaChecker } from './schema-checker';

const CHECKERS: [string, SchemaChecker][] = [
  ['ajv', createAjvChecker()],
  ['the interpreter', createInterpretingChecker()],
];
const KB100 = 100_000;
/** Exponential or polynomial in a backtracking engine; seconds to years on these inputs. */
const CLASSICS: Array<[string, string]> = [
  ['(a+)+$', `${'a'.repeat(KB100)}!`],
  ['(a|aa)*b', 'a'.repeat(KB100)],
  ['.*.*.*.*.*.*=', 'x'.repeat(KB100)],
  ['(x+x+)+y', 'x'.repeat(KB100)],
  ['(a*)*b', 'a'.repeat(KB100)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(KB100 / 5)}!`],
];
const BUDGET_MS = 500;
const cel = createCelEnvironment({
  caseSchema: { type: 'object', properties: { text: { type: 'string' } } },
});
const celCode = (pattern: string) => {
  const result = cel.check(`data.text.matches(${JSON.stringify(pattern)})`);
  return result.ok ? undefined : result.code;
};
const formCode = (pattern: string, checker: SchemaChecker) =>
  checkFormSchema({ type: 'string', pattern }, checker)[0]?.code;

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, performance.now() - started];
}

describe('regex classics on 100 KB inputs', () => {
  it.each(CLASSICS)('given %s, when screened, then CEL and both form checkers accept it', (pattern) => {
    expect(celCode(pattern)).toBeUndefined();
    for (const [, checker] of CHECKERS) expect(formCode(pattern, checker)).toBeUndefined();
  });

  it.each(CLASSICS)(
    'given %s in CEL matches(), when evaluated, then it finishes within the budget',
    (pattern, input) => {
      const guard = cel.compile(`data.text.matches(${JSON.stringify(pattern)})`);
      const [result, ms] = timed(() =>
        guard.evaluate({ data: { text: input }, now: '2024-05-01T08:00:00Z' }),
      );
      expect(result).toBe(false);
      expect(ms).toBeLessThan(BUDGET_MS);
    },
  );

  describe.each(CHECKERS)('with %s', (_name, checker) => {
    it.each(CLASSICS)(
      'given %s as a form pattern and in patternProperties, when validating, then it finishes within the budget',
      (pattern, input) => {
        const check = checker.form({
          type: 'object',
          // '#' matches none of the classics: strict mode refuses a declared name a pattern matches.
          properties: { '#': { type: 'string', pattern } },
          patternProperties: { [pattern]: { type: 'integer' } },
        });
        const [errors, ms] = timed(() => check({ '#': input, [input]: 1 }));
        expect(errors.map((e) => e.keyword)).toEqual(['pattern']);
        expect(ms).toBeLessThan(BUDGET_MS);
      },
    );

    it('given the format checks (fixed ajv-formats regexes) on 100 KB adversarial strings, when validating, then they finish within the budget', () => {
      const check = checker.form({
        type: 'object',
        properties: { email: { type: 'string', format: 'email' }, uri: { type: 'string', format: 'uri' } },
      });
      const data = { email: `a@${'a-'.repeat(KB100 / 2)}!`, uri: `a://${'%00'.repeat(KB100 / 3)}\n` };
      const [errors, ms] = timed(() => check(data));
      expect(errors.map((e) => e.keyword)).toEqual(['format', 'format']);
      expect(ms).toBeLessThan(BUDGET_MS);
    });
  });
});

describe('refused patterns', () => {
  it.each([
    ['a backreference', '(a)\\1', 'regex-invalid'],
    ['a lookahead', 'a(?=b)', 'regex-invalid'],
    ['a lookbehind', '(?<!a)b', 'regex-invalid'],
    ['an unclosed class', '[', 'regex-invalid'],
    ['201 characters', 'a'.repeat(201), 'regex-too-large'],
    ['.{0,999}[0-9]', '.{0,999}[0-9]', 'regex-too-large'],
    ['^\\pL{0,200}$', '^\\pL{0,200}$', 'regex-too-large'],
  ])(
    'given %s, when screened in CEL and in a form (both checkers), then the code is the same in every place',
    (_label, pattern, code) => {
      expect(celCode(pattern)).toBe(code);
      for (const [, checker] of CHECKERS) expect(formCode(pattern, checker)).toBe(code);
    },
  );
});
