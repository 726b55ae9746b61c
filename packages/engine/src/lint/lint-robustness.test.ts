import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintDefinition } from '../node-ports';

const valid = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'valid.json'), 'utf8')) as {
  definition: { machine: { states: { review: { on: { reject: unknown } } } } };
};

/** The valid fixture with `actions` on the reject transition. */
function withActions(actions: unknown[]): unknown {
  const definition = structuredClone(valid.definition);
  definition.machine.states.review.on.reject = { target: 'done', actions };
  return definition;
}

describe('lint on odd input that passes the format check', () => {
  it.each([
    ['assignCel without params', [{ type: 'assignCel' }], ['action-params']],
    ['startChild without params', [{ type: 'startChild' }], ['action-params']],
    ['directoryChange without params', [{ type: 'directoryChange' }], ['action-params']],
    ['notify without params', [{ type: 'notify' }], ['action-params']],
    ['notify to a string', [{ type: 'notify', params: { to: 'x', message: 'm' } }], []],
    [
      'notify to anyOf without a list',
      [{ type: 'notify', params: { to: { kind: 'anyOf', rules: 'x' }, message: 'm' } }],
      [],
    ],
    [
      'startChild with a number for forEach',
      [{ type: 'startChild', params: { process: 'lint-base', forEach: 5 } }],
      ['cel-syntax'],
    ],
  ])('given %s, when linted, then problems come back instead of a TypeError', (_name, actions, codes) => {
    const problems = lintDefinition(withActions(actions), { forms: {}, processes: new Set(['lint-base']) });
    expect([...new Set(problems.map((p) => p.code))]).toEqual(codes);
  });

  it('given a form whose properties are not an object and whose field has a rule, when linted, then the schema is refused, not a TypeError', () => {
    // Found by tests/lint-robustness.test.ts (seed -2121836692): `'repWeight' in true` threw.
    const fixture = JSON.parse(
      readFileSync(join(import.meta.dirname, 'fixtures', 'valid-with-form.json'), 'utf8'),
    ) as { definition: unknown; forms: Record<string, { schema: object; uiSchema?: object }> };
    const form = fixture.forms['lint-base.note']!;
    form.schema = { ...form.schema, properties: true };
    form.uiSchema = { note: { 'ui:options': { validIf: 'data.note != ""' } } };
    const problems = lintDefinition(fixture.definition, { forms: fixture.forms as never });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['form-schema-invalid', '/forms/lint-base.note/properties'],
    ]);
  });

  it.each([null, [], 'forms'])(
    'given forms that are not a map (%j), when linted, then the forms are missing, not a crash',
    (forms) => {
      const definition = { ...(valid.definition as object), startForm: 'lint-base.note' };
      const problems = lintDefinition(definition, { forms: forms as never });
      expect(problems.map((p) => p.code)).toEqual(['unknown-form']);
    },
  );
});
