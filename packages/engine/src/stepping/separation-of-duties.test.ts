import { describe, expect, it } from 'vitest';
import type { DefinitionBundle, OutcomeDef, TaskOperation } from '../definition/definition-types';
import type { Command } from './commands';
import { smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import type { SeparationRefusal } from './separation-of-duties';
import { StepError } from './step-error';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const outcomes: OutcomeDef[] = [
  { key: 'approve', label: text('同意', 'Approve') },
  { key: 'reject', label: text('不同意', 'Reject') },
];
const ALL: TaskOperation[] = ['claim', 'transfer', 'delegate', 'return', 'cc', 'addSigner', 'removeSigner'];

/**
 * A case about a person (`subject`): the initiator prepares it, the district leaders decide it (the
 * subject and the initiator excluded), the worker reps vote on it (the subject and whoever decided
 * excluded).
 */
const bundle: DefinitionBundle = {
  version: 1,
  forms: {},
  definition: {
    key: 'about-someone',
    name: text('涉及个人的事项', 'A matter about someone'),
    description: text('测试用流程', 'Test process'),
    caseSchema: { type: 'object', properties: { subject: { type: 'string' } } },
    starters: {
      kind: 'anyOf',
      rules: [
        { kind: 'role', role: 'worker', unit: 's1' },
        { kind: 'role', role: 'districtLeader', unit: 'd' },
      ],
    },
    machine: {
      initial: 'prepare',
      states: {
        prepare: {
          task: {
            title: text('准备材料', 'Prepare'),
            assignment: { kind: 'initiator' },
            outcomes: [{ key: 'submit', label: text('提交', 'Submit') }],
            operations: ['withdraw'],
          },
          on: { submit: 'decide' },
        },
        decide: {
          task: {
            title: text('领导决定', 'Leader decides'),
            assignment: { kind: 'role', role: 'districtLeader', unit: 'd' },
            excludes: [{ kind: 'initiator' }, { kind: 'field', field: 'subject' }],
            outcomes,
            operations: ALL,
            returnTargets: ['prepare'],
          },
          on: { approve: 'sign', reject: 'done' },
        },
        sign: {
          task: {
            title: text('代表表决', 'Reps vote'),
            assignment: { kind: 'role', role: 'workerRep', unit: 'b1' },
            excludes: [
              { kind: 'field', field: 'subject' },
              { kind: 'performerOf', state: 'decide' },
            ],
            outcomes,
            operations: ALL,
            voting: { mode: 'all', rejectPolicy: 'veto', approveOutcome: 'approve', rejectOutcome: 'reject' },
          },
          on: { approve: 'done', reject: 'done' },
        },
        done: { type: 'final', outcome: 'completed' },
      },
    },
  },
};

function refusal(run: () => unknown): StepError {
  try {
    run();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/** Started by `w1` about `subject`, prepared: the decision is open. */
function atDecision(subject: string): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('w1', { subject });
  h.complete('w1', 'submit');
  return h;
}

const decideTask = (h: StepHarness) => h.snap.tasks.find((t) => t.stateId === 'decide')!;

describe('task creation', () => {
  it('given the subject holds the deciding role, when the decision opens, then it is offered to the other holders only', () => {
    const h = atDecision('boss');
    expect(decideTask(h).candidates).toEqual({ users: ['boss2'], roles: [] });
  });

  it('given nobody excluded holds the role, when the decision opens, then it stays offered to the role', () => {
    const h = atDecision('w2');
    expect(decideTask(h).candidates).toEqual({ users: [], roles: [{ role: 'districtLeader', unit: 'd' }] });
  });
});

describe('the acting person', () => {
  const asSubject: [string, (h: StepHarness, id: string) => unknown][] = [
    ['claim', (h, id) => h.run('boss', { type: 'claim', taskId: id })],
    ['complete', (h, id) => h.run('boss', { type: 'complete', taskId: id, outcome: 'approve' })],
    ['transfer', (h, id) => h.run('boss', { type: 'transfer', taskId: id, to: 'w2' })],
    ['delegate', (h, id) => h.run('boss', { type: 'delegate', taskId: id, to: 'w2' })],
    ['cc', (h, id) => h.run('boss', { type: 'cc', taskId: id, users: ['w2'] })],
    ['return', (h, id) => h.run('boss', { type: 'return', taskId: id, target: 'prepare', comment: '补充' })],
  ];

  it.each(asSubject)(
    'given the subject holds the deciding role, when they %s the decision, then separation-of-duties',
    (_, act) => {
      const h = atDecision('boss');
      const error = refusal(() => act(h, decideTask(h).id));
      expect(error.code).toBe('separation-of-duties');
      const details = error.details as SeparationRefusal;
      expect(details).toMatchObject({
        user: 'boss',
        stateId: 'decide',
        exclusion: { kind: 'field', field: 'subject' },
      });
      expect(details.path).toBeUndefined();
      expect(details.message['zh-CN']).toContain('不相容职责分离');
      expect(details.message.en).toContain('Separation of duties: you');
      expect(error.message).toBe(details.message['zh-CN']);
    },
  );

  it('given the subject, when they copy people in on the case itself while the decision is open, then separation-of-duties', () => {
    const h = atDecision('w2');
    expect(refusal(() => h.run('w2', { type: 'cc', users: ['r1'] })).code).toBe('separation-of-duties');
  });

  it('given the initiator is kept off the decision, when they withdraw the prepared step, then it still works (withdraw answers to the step they did)', () => {
    const h = atDecision('w2');
    h.run('w1', { type: 'withdraw' });
    expect(h.states()).toEqual(['prepare']);
  });

  it('given the decider, when the vote opens, then they are not a signer, and removing or adding signers as them is refused', () => {
    const h = atDecision('w2');
    h.run('boss', { type: 'claim', taskId: decideTask(h).id });
    h.complete('boss', 'approve');
    const signers = h.snap.tasks.filter((t) => t.stateId === 'sign').map((t) => t.signer);
    expect(signers).toEqual(['r1', 'r2', 'r3']);
    const task = h.snap.tasks.find((t) => t.stateId === 'sign')!;
    expect(refusal(() => h.run('boss', { type: 'removeSigner', taskId: task.id, users: ['r2'] })).code).toBe(
      'separation-of-duties',
    );
  });
});

describe('the person reached', () => {
  it.each([
    ['transfer', '/to', (taskId: string): Command => ({ type: 'transfer', taskId, to: 'w2' })],
    ['delegate', '/to', (taskId: string): Command => ({ type: 'delegate', taskId, to: 'w2' })],
    ['cc', '/users/1', (taskId: string): Command => ({ type: 'cc', taskId, users: ['head', 'w2'] })],
  ])(
    'given a leader holds the decision, when they %s it to the subject, then separation-of-duties on %s',
    (_, path, command) => {
      const h = atDecision('w2');
      const id = decideTask(h).id;
      h.run('boss', { type: 'claim', taskId: id });
      const error = refusal(() => h.run('boss', command(id)));
      expect(error.code).toBe('separation-of-duties');
      expect(error.details).toMatchObject({ user: 'w2', path });
      expect((error.details as SeparationRefusal).message.en).toContain(
        '"w2" is named in this case\'s field "subject"',
      );
    },
  );

  it('given a leader holds the decision, when they transfer it to the initiator, then separation-of-duties', () => {
    const h = atDecision('w2');
    const id = decideTask(h).id;
    h.run('boss', { type: 'claim', taskId: id });
    expect(refusal(() => h.run('boss', { type: 'transfer', taskId: id, to: 'w1' })).details).toMatchObject({
      user: 'w1',
      exclusion: { kind: 'initiator' },
    });
  });

  it('given a signer, when they add the subject as a signer, then separation-of-duties; another rep is fine', () => {
    const h = new StepHarness(bundle, smallDirectory);
    h.start('boss', { subject: 'head' });
    h.complete('boss', 'submit');
    expect(decideTask(h).assignee).toBe('boss2');
    h.complete('boss2', 'approve');
    const task = h.snap.tasks.find((t) => t.signer === 'r1')!;
    expect(
      refusal(() => h.run('r1', { type: 'addSigner', taskId: task.id, users: ['head'] })).details,
    ).toMatchObject({
      user: 'head',
      path: '/users/0',
    });
    expect(
      refusal(() => h.run('r1', { type: 'addSigner', taskId: task.id, users: ['boss2'] })).details,
    ).toMatchObject({
      user: 'boss2',
      exclusion: { kind: 'performerOf', state: 'decide' },
    });
  });

  it('given the case goes on, when someone not excluded acts, then nothing is refused', () => {
    const h = atDecision('w2');
    const id = decideTask(h).id;
    h.run('boss', { type: 'claim', taskId: id });
    h.run('boss', { type: 'cc', taskId: id, users: ['head'] });
    h.run('boss', { type: 'transfer', taskId: id, to: 'boss2' });
    h.complete('boss2', 'approve');
    expect(h.states()).toEqual(['sign']);
  });
});
