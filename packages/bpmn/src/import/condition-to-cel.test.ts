import { describe, expect, it } from 'vitest';
import { conditionToCel } from './condition-to-cel';

/** A JUEL expression `${…}` (written so, the linter reads no template in a plain string). */
const juel = (body: string) => `\${${body}}`;

describe('conditionToCel', () => {
  it.each([
    [juel('amount > 5000'), 'data.amount > 5000', { amount: 'number' }],
    ['amount > 5000', 'data.amount > 5000', { amount: 'number' }],
    ['=amount > 5000', 'data.amount > 5000', { amount: 'number' }],
    [juel('approved == true'), 'data.approved == true', { approved: 'boolean' }],
    [juel('approved'), 'data.approved', { approved: 'boolean' }],
    [juel("category == 'travel'"), 'data.category == "travel"', { category: 'string' }],
    ['=status = "open"', 'data.status == "open"', { status: 'string' }],
    [juel('a > 1 && b < 2'), 'data.a > 1 && data.b < 2', { a: 'number', b: 'number' }],
    [
      '=a > 1 and (b or not(c))',
      'data.a > 1 && (data.b || !data.c)',
      { a: 'number', b: 'boolean', c: 'boolean' },
    ],
    [juel('x eq 1 or y ne 2'), 'data.x == 1 || data.y != 2', { x: 'number', y: 'number' }],
    [juel('!approved'), '!data.approved', { approved: 'boolean' }],
    [juel('note != null'), 'has(data.note)', { note: 'string' }],
    ['#{score >= 600}', 'data.score >= 600', { score: 'number' }],
  ])('given %s, when translated, then it is the CEL %s with typed variables', (text, cel, vars) => {
    const t = conditionToCel(text);
    expect(t).toMatchObject({ ok: true, cel });
    if (t.ok) expect(Object.fromEntries(t.variables)).toEqual(vars);
  });

  it.each([
    [juel("execution.getVariable('x')"), "calls 'execution.getVariable(…)'"],
    [juel('score * 2 < 1200'), 'cannot read'],
    [juel('task.name == "x"'), "reads the engine's 'task'"],
    [juel('(a > 1'), "a '(' is not closed"],
    [juel('a >'), 'ends too early'],
    ['=count(items) > 1', "calls 'count(…)'"],
  ])('given %s, when translated, then it is refused (%s)', (text, reason) => {
    const t = conditionToCel(text);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.reason).toContain(reason);
  });
});
