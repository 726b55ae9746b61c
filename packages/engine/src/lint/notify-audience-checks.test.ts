import { describe, expect, it } from 'vitest';
import { type DirectorySeed, InMemoryDirectory } from '../assignment';
import type { ProcessDefinition } from '../definition/definition-types';
import { lintDefinition } from '../node-ports';
import fixture from './fixtures/notify-audience-cannot-read.json' with { type: 'json' };
import seed from './lint-test-directory.json' with { type: 'json' };

const directory = new InMemoryDirectory(seed as DirectorySeed);
const base = fixture.definition as unknown as ProcessDefinition;

const told = (definition: ProcessDefinition, withDirectory = true) =>
  lintDefinition(definition, { forms: {}, ...(withDirectory ? { directory } : {}) })
    .filter((p) => p.code === 'notify-audience-cannot-read')
    .map((p) => p.message);

describe('notify-audience-cannot-read', () => {
  it('given a confidential case that tells station workers and the person in a field, when linted with the directory, then both are named and the readers pass', () => {
    expect(told(base)).toEqual([
      'The notification tells the worker of station-101 about a case they may not open',
      "The notification tells the person in field 'subject' about a case they may not open",
    ]);
  });

  it('given no directory, when linted, then who holds a role is not judged but the person in a field still is', () => {
    expect(told(base, false)).toEqual([
      "The notification tells the person in field 'subject' about a case they may not open",
    ]);
  });

  it('given the same audience made readers of the case (alsoVisibleTo), when linted, then nothing is reported', () => {
    const widened: ProcessDefinition = {
      ...base,
      confidential: {
        enabled: true,
        alsoVisibleTo: [
          ...(base.confidential?.alsoVisibleTo ?? []),
          { kind: 'role', role: 'worker', unit: 'station-101' },
          { kind: 'field', field: 'subject' },
        ],
      },
    };
    expect(told(widened)).toEqual([]);
  });

  it('given a case that is not confidential, when the workers are district leaders or administrators only, then the role passes by the directory', () => {
    const open: ProcessDefinition = { ...base, confidential: { enabled: false } };
    expect(told(open)).toEqual([
      'The notification tells the worker of station-101 about a case they may not open',
      "The notification tells the person in field 'subject' about a case they may not open",
    ]);
    const leaders = JSON.parse(
      JSON.stringify(open).replaceAll(
        '"role":"worker","unit":"station-101"',
        '"role":"districtLeader","unit":"district"',
      ),
    ) as ProcessDefinition;
    expect(told(leaders)).toEqual([
      "The notification tells the person in field 'subject' about a case they may not open",
    ]);
  });
});
