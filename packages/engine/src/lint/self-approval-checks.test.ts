import { describe, expect, it } from 'vitest';
import { type DirectorySeed, InMemoryDirectory } from '../assignment';
import type { ProcessDefinition, UserTaskDef } from '../definition/definition-types';
import { lintDefinition } from '../node-ports';
import fixture from './fixtures/self-approval-path.json' with { type: 'json' };
import seed from './lint-test-directory.json' with { type: 'json' };

const directory = new InMemoryDirectory(seed as DirectorySeed);
const base = fixture.definition as unknown as ProcessDefinition;

const selfApprovals = (definition: ProcessDefinition, dir = directory) =>
  lintDefinition(definition, { forms: {}, directory: dir })
    .filter((p) => p.code === 'self-approval-path')
    .map((p) => p.message);

/** The fixture with its tasks changed. */
function withTasks(changes: Record<string, Partial<UserTaskDef>>): ProcessDefinition {
  const states = structuredClone(base.machine.states);
  for (const [id, change] of Object.entries(changes)) Object.assign(states[id]!.task!, change);
  return { ...base, machine: { ...base.machine, states } };
}

const approvalTask = base.machine.states.approval!.task!;

describe('self-approval-path', () => {
  it('given the secretary checks and may approve, when linted, then the path and the person are named', () => {
    expect(selfApprovals(base)).toEqual([
      "'sec1' may perform 'check' and then approve it at 'approval' along (start) → check → approval (when 'w001' starts it)",
    ]);
  });

  it('given the approval excludes the performer of the check, when linted, then nothing is reported', () => {
    const separated = withTasks({
      approval: { excludes: [{ kind: 'initiator' }, { kind: 'performerOf', state: 'check' }] },
    });
    expect(selfApprovals(separated)).toEqual([]);
  });

  it('given the approval excludes only the step the check is assigned from (performerOf), then that counts as the same person', () => {
    const states = structuredClone(base.machine.states);
    states.prepare = {
      task: { ...structuredClone(states.check!.task!), title: { 'zh-CN': '准备', en: 'Prepare' } },
      on: { submit: 'check' },
    };
    states.check!.task!.assignment = { kind: 'performerOf', state: 'prepare' };
    states.approval!.task!.excludes = [{ kind: 'initiator' }, { kind: 'performerOf', state: 'prepare' }];
    expect(selfApprovals({ ...base, machine: { initial: 'prepare', states } })).toEqual([]);
  });

  it('given a step assigned by a case field, when the approval excludes that field, then nothing is reported, else anyone may be named', () => {
    const byField = { assignment: { kind: 'field' as const, field: 'note' } };
    const excluded = withTasks({
      check: byField,
      approval: { excludes: [{ kind: 'initiator' }, { kind: 'field', field: 'note' }] },
    });
    expect(selfApprovals(excluded)).toEqual([]);
    expect(selfApprovals(withTasks({ check: byField }))).toEqual([
      "'leader1' may perform 'check' and then approve it at 'approval' along (start) → check → approval (when 'w001' starts it)",
    ]);
  });

  it('given the initiator is not excluded and a starter may approve, then the start is the step named', () => {
    const open = withTasks({
      check: { assignment: { kind: 'users', users: ['leader1'] } },
      approval: { assignment: { kind: 'role', role: 'worker', unit: 'station-101' }, excludes: [] },
    });
    expect(selfApprovals(open)).toEqual([
      "'w001' may perform '(start)' and then approve it at 'approval' along (start) → check → approval (when 'w001' starts it)",
    ]);
  });

  it('given a fallback rule of the approval names the checker, then it is reported too (the fallback may apply)', () => {
    const fallback = withTasks({
      approval: {
        assignment: { kind: 'users', users: ['leader1'] },
        excludes: [{ kind: 'initiator' }],
        onEmpty: { fallback: [{ kind: 'role', role: 'branchSecretary', unit: 'branch-1' }] },
      },
    });
    expect(selfApprovals(fallback)).toHaveLength(1);
  });

  it('given the approval is a vote, then it is a collective decision and not judged', () => {
    const vote = withTasks({
      approval: {
        ...approvalTask,
        voting: { mode: 'all', rejectPolicy: 'veto', approveOutcome: 'approve', rejectOutcome: 'reject' },
      },
    });
    expect(selfApprovals(vote)).toEqual([]);
  });

  it('given rules reading the case unit, when the secretary and the contracting leader are different people, then nothing is reported; when one person is both, that unit is named', () => {
    const byUnit = withTasks({
      check: { assignment: { kind: 'roleInCaseUnit', role: 'branchSecretary', unitField: 'unit' } },
      approval: { assignment: { kind: 'contractingLeader', unitField: 'unit' } },
    });
    expect(selfApprovals(byUnit)).toEqual([]);
    const both = structuredClone(seed) as DirectorySeed;
    both.memberships.push({ username: 'leader1', role: 'branchSecretary', unit: 'branch-1' });
    expect(selfApprovals(byUnit, new InMemoryDirectory(both))).toEqual([
      "'leader1' may perform 'check' and then approve it at 'approval' along (start) → check → approval (when 'w001' starts it, unit = 'branch-1')",
    ]);
  });

  it('given no directory, when linted, then the proof is not run', () => {
    expect(lintDefinition(base, { forms: {} }).filter((p) => p.code === 'self-approval-path')).toEqual([]);
  });
});
