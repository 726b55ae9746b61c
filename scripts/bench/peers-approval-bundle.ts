// The peers benchmark's approval flow as a Flowform definition: submit, review, a choice on the
// amount (an eventless transition, BPMN's exclusive gateway), a parallel pair of opinions for
// large amounts (joined by `onDone`), approve. Each task has a small validated form.
import type { DefinitionBundle, FormDefinition } from '@flowform/engine';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const OPINION = { type: 'string', title: '意见', minLength: 1, maxLength: 500 };

function form(key: string, properties: Record<string, unknown>, required: string[]): FormDefinition {
  return {
    key,
    title: text(key),
    schema: { type: 'object', additionalProperties: false, required, properties },
  };
}

const task = (title: string, formKey: string) => ({
  title: text(title),
  form: formKey,
  assignment: { kind: 'users' as const, users: ['u1'] },
  outcomes: [{ key: 'done', label: text('提交') }],
});

/** Above this amount the two opinions are asked for. */
export const LARGE_AMOUNT = 10_000;

export const peersApprovalBundle: DefinitionBundle = {
  definition: {
    key: 'peers-approval',
    name: text('审批'),
    description: text('审批'),
    caseSchema: {
      type: 'object',
      properties: { amount: { type: 'number' }, reason: { type: 'string' }, opinion: { type: 'string' } },
    },
    starters: { kind: 'initiator' },
    machine: {
      initial: 'submit',
      states: {
        submit: { task: task('申请', 'peers.submit'), on: { done: 'review' } },
        review: { task: task('审核', 'peers.opinion'), on: { done: 'byAmount' } },
        byAmount: {
          always: [
            {
              target: 'opinions',
              guard: { type: 'cel', params: { expr: `data.amount > ${LARGE_AMOUNT}.0` } },
            },
            { target: 'approve' },
          ],
        },
        opinions: {
          type: 'parallel',
          states: {
            finance: {
              initial: 'asking',
              states: {
                asking: { task: task('财务意见', 'peers.opinion'), on: { done: 'given' } },
                given: { type: 'final' },
              },
            },
            legal: {
              initial: 'asking',
              states: {
                asking: { task: task('法务意见', 'peers.opinion'), on: { done: 'given' } },
                given: { type: 'final' },
              },
            },
          },
          onDone: 'approve',
        },
        approve: { task: task('批准', 'peers.opinion'), on: { done: 'approved' } },
        approved: { type: 'final' },
      },
    },
  },
  forms: {
    'peers.submit': form(
      'peers.submit',
      { amount: { type: 'number', title: '金额', minimum: 0 }, reason: { ...OPINION, title: '事由' } },
      ['amount', 'reason'],
    ),
    'peers.opinion': form('peers.opinion', { opinion: OPINION }, ['opinion']),
  },
};

/** The form data each task is completed with (the first one carries the amount). */
export const peersTaskData = (taskIndex: number, amount: number): Record<string, unknown> =>
  taskIndex === 0 ? { amount, reason: '设备采购' } : { opinion: `同意（第${taskIndex}步）` };
