import { describe, expect, it } from 'vitest';
import { compileBundle } from '../stepping/compiled-definition';
import { smallDirectory } from '../stepping/fixtures/expense-bundle';
import { scoringBundle } from '../stepping/fixtures/scoring-bundle';
import { StepHarness } from '../stepping/fixtures/step-harness';
import { viewCase } from './case-view';
import { restrictedFields, seesTaskSubject, subjectOpenToAll, taskSubject } from './task-subject';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const bundle = scoringBundle;

function scoring(definition = bundle): StepHarness {
  const h = new StepHarness(definition, smallDirectory);
  h.start('admin', { peers: ['head', 'sec', 'w1'] });
  return h;
}

describe('taskSubject', () => {
  it('given a leader with one scoring task per peer, then each task names its peer from the directory, with their unit', () => {
    const h = scoring();
    const subjects = h
      .tasksOf('boss')
      .map((t) => taskSubject(t.item, h.directory))
      .map((s) => (s?.kind === 'person' ? `${s.name['zh-CN']}@${s.unit?.name['zh-CN']}` : s));
    expect(subjects).toEqual(['站长@101站', '书记@一支部', '职工一@101站']);
  });

  it('given a unit id, then the unit; given an unknown word, then the word itself', () => {
    const h = scoring();
    expect(taskSubject('b1', h.directory)).toEqual({
      kind: 'unit',
      id: 'b1',
      name: text('一支部', 'Branch 1'),
    });
    expect(taskSubject('片区甲', h.directory)).toEqual({ kind: 'text', text: text('片区甲', '片区甲') });
  });

  it('given an object item, then its plain values joined, people named, cut to 80 characters', () => {
    const h = scoring();
    expect(taskSubject({ unit: 's1', person: 'w1', count: 2, nested: { x: 1 } }, h.directory)).toEqual({
      kind: 'text',
      text: text('101站 · 职工一 · 2', 'Station 101 · Worker 1 · 2'),
    });
    const long = taskSubject('长'.repeat(100), h.directory);
    expect(long?.kind === 'text' && long.text['zh-CN'].length).toBe(80);
  });

  it('given a task without an item, then no subject', () => {
    expect(taskSubject(undefined, scoring().directory)).toBeNull();
  });
});

describe('seesTaskSubject', () => {
  it('given the peers are visible to everyone, then a leader sees the subject of their scoring task', () => {
    const h = scoring();
    const view = viewCase(compileBundle(bundle), h.snap, 'boss', h.directory)!;
    expect(seesTaskSubject(compileBundle(bundle), view, 'scoring')).toBe(true);
  });

  it('given the peers field restricted to the administrator, when a leader views, then the subject is not shown', () => {
    const restricted = structuredClone(bundle);
    restricted.definition.fieldVisibility = { peers: { audience: [{ kind: 'initiator' }] } };
    const h = scoring(restricted);
    const compiled = compileBundle(restricted);
    expect(seesTaskSubject(compiled, viewCase(compiled, h.snap, 'boss', h.directory)!, 'scoring')).toBe(
      false,
    );
    expect(seesTaskSubject(compiled, viewCase(compiled, h.snap, 'admin', h.directory)!, 'scoring')).toBe(
      true,
    );
  });

  it('given no restricted field, then the subject may go into notifications; once the peers are restricted or hidden by a task, it may not', () => {
    expect(subjectOpenToAll(compileBundle(bundle), 'scoring')).toBe(true);
    const restricted = structuredClone(bundle);
    restricted.definition.fieldVisibility = { peers: { audience: [{ kind: 'initiator' }] } };
    expect(subjectOpenToAll(compileBundle(restricted), 'scoring')).toBe(false);
    const hidden = structuredClone(bundle);
    hidden.definition.machine.states.scoring!.task!.fieldPermissions = { peers: 'hidden' };
    expect(subjectOpenToAll(compileBundle(hidden), 'scoring')).toBe(false);
    const other = structuredClone(bundle);
    other.definition.fieldVisibility = { sheets: { audience: [{ kind: 'initiator' }] } };
    expect(subjectOpenToAll(compileBundle(other), 'scoring')).toBe(true);
  });

  it('given a field with an audience and another hidden by a task, then both are restricted, the rest not', () => {
    expect([...restrictedFields(compileBundle(bundle))]).toEqual([]);
    const both = structuredClone(bundle);
    both.definition.fieldVisibility = { sheets: { audience: [{ kind: 'initiator' }] } };
    both.definition.machine.states.scoring!.task!.fieldPermissions = { peers: 'hidden' };
    expect([...restrictedFields(compileBundle(both))].sort()).toEqual(['peers', 'sheets']);
  });
});
