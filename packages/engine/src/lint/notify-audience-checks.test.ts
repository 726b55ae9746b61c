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

  it('given the person in a field assigned a later task, when he is told before it, then he is reported; told as it opens, he is not', () => {
    const tell = {
      type: 'notify' as const,
      params: { to: { kind: 'field', field: 'subject' }, message: { 'zh-CN': '请查阅', en: 'Please read' } },
    };
    const machine = structuredClone(base.machine);
    const states = machine.states as Record<string, Record<string, unknown>>;
    states.statement = {
      task: {
        title: { 'zh-CN': '说明', en: 'Statement' },
        assignment: { kind: 'field', field: 'subject' },
        outcomes: [{ key: 'submit', label: { 'zh-CN': '提交', en: 'Submit' } }],
      },
      on: { submit: 'done' },
    };
    states.big!.on = { approve: { target: 'statement', actions: [tell] } };
    states.review!.on = { approve: [{ target: 'big', actions: [tell] }], reject: 'done' };
    const problems = lintDefinition({ ...base, machine } as ProcessDefinition, {
      forms: {},
      directory,
    }).filter((p) => p.code === 'notify-audience-cannot-read');
    expect(problems.map((p) => p.path)).toEqual(['/machine/states/review/on/approve/0/actions/0/params/to']);
  });
});
