import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition, ProcessDefinition } from '../definition/definition-types';
import { lintDefinition } from '../node-ports';

const base = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'valid-with-form.json'), 'utf8'),
) as {
  definition: ProcessDefinition;
  forms: Record<string, FormDefinition>;
};

/** The baseline with its first step writing the note too, changed by `edit`. */
function twoWriters(edit: (def: ProcessDefinition) => void = () => {}) {
  const definition = structuredClone(base.definition);
  definition.machine.states.review!.task!.form = 'lint-base.note';
  edit(definition);
  const problems = lintDefinition(definition, { forms: base.forms, processes: new Set(['lint-base']) });
  return problems.filter((p) => p.code === 'field-written-twice').map((p) => [p.path, p.severity, p.message]);
}

describe('field sharing', () => {
  it('given two steps writing the same field undeclared, when linted, then each is warned that it overwrites the other', () => {
    expect(twoWriters()).toEqual([
      [
        '/machine/states/review/task',
        'warning',
        "Field 'note' is also written by 'big': this step overwrites it",
      ],
      [
        '/machine/states/big/task',
        'warning',
        "Field 'note' is also written by 'review': this step overwrites it",
      ],
    ]);
  });

  it('given both steps declare the field shared, when linted, then there is no warning', () => {
    expect(
      twoWriters((d) => {
        d.machine.states.review!.task!.sharedFields = ['note'];
        d.machine.states.big!.task!.sharedFields = ['note'];
      }),
    ).toEqual([]);
  });

  it('given the later step only reads the field, when linted, then it is not a second writer', () => {
    expect(
      twoWriters((d) => {
        d.machine.states.big!.task!.fieldPermissions = { note: 'readOnly' };
      }),
    ).toEqual([]);
  });

  it('given one step declares it and the other not, when linted, then only the undeclared one is warned', () => {
    const found = twoWriters((d) => {
      d.machine.states.big!.task!.sharedFields = ['note'];
    });
    expect(found.map(([path]) => path)).toEqual(['/machine/states/review/task']);
  });
});
