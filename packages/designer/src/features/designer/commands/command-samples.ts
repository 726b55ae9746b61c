/**
 * One sample use of every command on the approval fixture: the table the do/undo/redo test walks.
 * Each entry is typed by its command, so a misspelled command or params of another shape do not
 * compile; `all-commands.test.ts` fails when a registered command has no entry here.
 */
import type { DesignDoc } from '../model/design-doc';
import type { CommandName, DesignerCommandMap } from './command-map';
import { approvalDoc } from './test-fixture';

/** A command run before the sample (not part of the tested undo unit). */
type Step = { [K in CommandName]: [K, DesignerCommandMap[K]] }[CommandName];

interface SampleOf<K extends CommandName> {
  command: K;
  params: () => DesignerCommandMap[K];
  check: (doc: DesignDoc) => unknown;
  expected: unknown;
  setup?: Step[];
}

export type Sample = { [K in CommandName]: SampleOf<K> }[CommandName];

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const st = (doc: DesignDoc) => doc.definition.machine.states;

export const SAMPLES: Sample[] = [
  {
    command: 'document.replace',
    params: () => ({ doc: { ...approvalDoc(), forms: {} } }),
    check: (d) => Object.keys(d.forms),
    expected: [],
  },
  {
    command: 'definition.set',
    params: () => ({ field: 'name', value: t('休假', 'Leave') }),
    check: (d) => d.definition.name.en,
    expected: 'Leave',
  },
  {
    command: 'caseSchema.setField',
    params: () => ({ name: 'note', schema: { type: 'string' } }),
    check: (d) => d.definition.caseSchema.properties,
    expected: { days: { type: 'integer' }, reason: { type: 'string' }, note: { type: 'string' } },
  },
  {
    command: 'parameter.set',
    params: () => ({ name: 'limit', value: { value: 3, label: t('天数', 'Days') } }),
    check: (d) => d.definition.parameters?.limit?.value,
    expected: 3,
  },
  {
    command: 'state.add',
    params: () => ({ kind: 'task' }),
    check: (d) => Object.keys(st(d)),
    expected: ['review', 'decide', 'leader', 'approved', 'rejected', 'task'],
  },
  {
    command: 'state.rename',
    params: () => ({ id: 'review', to: 'check' }),
    check: (d) => [d.definition.machine.initial, Object.keys(st(d))[0]],
    expected: ['check', 'check'],
  },
  {
    command: 'state.delete',
    params: () => ({ id: 'rejected' }),
    check: (d) => st(d).review!.on,
    expected: { approve: 'decide' },
  },
  {
    command: 'state.setName',
    params: () => ({ id: 'decide', name: t('天数判断', 'Days?') }),
    check: (d) => st(d).decide!.name?.en,
    expected: 'Days?',
  },
  {
    command: 'state.setInitial',
    params: () => ({ id: 'leader' }),
    check: (d) => d.definition.machine.initial,
    expected: 'leader',
  },
  {
    command: 'state.setTimer',
    setup: [['state.add', { kind: 'timer', key: 'wait' }]],
    params: () => ({ id: 'wait', from: 'P1D', to: 'P2D' }),
    check: (d) => Object.keys(st(d).wait!.after!),
    expected: ['P2D'],
  },
  {
    command: 'state.setInvoke',
    setup: [['state.add', { kind: 'child', key: 'child' }]],
    params: () => ({ id: 'child', process: 'admonition-talk' }),
    check: (d) => st(d).child!.invoke!.process,
    expected: 'admonition-talk',
  },
  {
    command: 'state.setOutcome',
    params: () => ({ id: 'rejected', outcome: 'withdrawn' }),
    check: (d) => st(d).rejected!.outcome,
    expected: 'withdrawn',
  },
  {
    command: 'transition.connect',
    params: () => ({ source: 'leader', target: 'rejected' }),
    check: (d) => Object.keys(st(d).leader!.on!),
    expected: ['approve', 'next'],
  },
  {
    command: 'transition.setGuard',
    params: () => ({ ref: { source: 'decide', kind: 'always', index: 1 }, expr: 'data.days >= 3' }),
    check: (d) => st(d).decide!.always,
    expected: [
      { target: 'approved', guard: { type: 'cel', params: { expr: 'data.days < 3' } } },
      { target: 'leader', guard: { type: 'cel', params: { expr: 'data.days >= 3' } } },
    ],
  },
  {
    command: 'transition.setTarget',
    params: () => ({ ref: { source: 'review', kind: 'on', key: 'approve', index: 0 }, target: 'leader' }),
    check: (d) => st(d).review!.on!.approve,
    expected: 'leader',
  },
  {
    command: 'transition.setEvent',
    params: () => ({ ref: { source: 'review', kind: 'on', key: 'reject', index: 0 }, event: 'decline' }),
    check: (d) => Object.keys(st(d).review!.on!),
    expected: ['approve', 'decline'],
  },
  {
    command: 'transition.delete',
    params: () => ({ ref: { source: 'decide', kind: 'always', index: 0 } }),
    check: (d) => st(d).decide!.always,
    expected: [{ target: 'leader' }],
  },
  {
    command: 'task.setTitle',
    params: () => ({ id: 'review', value: t('审核', 'Check') }),
    check: (d) => st(d).review!.task!.title.en,
    expected: 'Check',
  },
  {
    command: 'task.setForm',
    params: () => ({ id: 'leader', value: 'leave-request.apply' }),
    check: (d) => st(d).leader!.task!.form,
    expected: 'leave-request.apply',
  },
  {
    command: 'task.setAssignee',
    params: () => ({ id: 'review', value: { kind: 'role', role: 'branchSecretary', unit: 'branch-1' } }),
    check: (d) => st(d).review!.task!.assignment.kind,
    expected: 'role',
  },
  {
    command: 'task.setOnEmpty',
    params: () => ({ id: 'review', value: 'admins' }),
    check: (d) => st(d).review!.task!.onEmpty,
    expected: 'admins',
  },
  {
    command: 'task.setOutcomes',
    params: () => ({
      id: 'review',
      value: [
        { key: 'agree', label: t('同意', 'Agree') },
        { key: 'reject', label: t('不同意', 'Reject') },
      ],
    }),
    check: (d) => Object.keys(st(d).review!.on!),
    expected: ['agree', 'reject'],
  },
  {
    command: 'task.setDue',
    params: () => ({ id: 'review', value: 'P3D' }),
    check: (d) => st(d).review!.task!.due,
    expected: 'P3D',
  },
  {
    command: 'task.setReminders',
    params: () => ({ id: 'review', value: ['P2D'] }),
    check: (d) => st(d).review!.task!.reminders,
    expected: ['P2D'],
  },
  {
    command: 'task.setEscalation',
    params: () => ({ id: 'review', value: { after: 'P5D', remind: 1 } }),
    check: (d) => st(d).review!.task!.escalation?.after,
    expected: 'P5D',
  },
  {
    command: 'task.setVoting',
    params: () => ({
      id: 'review',
      value: { mode: 'all', rejectPolicy: 'veto', approveOutcome: 'approve', rejectOutcome: 'reject' },
    }),
    check: (d) => st(d).review!.task!.voting?.mode,
    expected: 'all',
  },
  {
    command: 'task.setOperations',
    params: () => ({ id: 'leader', value: undefined }),
    check: (d) => 'operations' in st(d).leader!.task!,
    expected: false,
  },
  {
    command: 'task.setFieldPermissions',
    params: () => ({ id: 'leader', value: { days: 'readOnly' } }),
    check: (d) => st(d).leader!.task!.fieldPermissions,
    expected: { days: 'readOnly' },
  },
  {
    command: 'task.setReturnTargets',
    params: () => ({ id: 'leader', value: undefined }),
    check: (d) => st(d).leader!.task!.returnTargets,
    expected: undefined,
  },
  {
    command: 'task.setCc',
    params: () => ({ id: 'leader', value: { kind: 'initiator' } }),
    check: (d) => st(d).leader!.task!.cc,
    expected: { kind: 'initiator' },
  },
  {
    command: 'form.add',
    params: () => ({ key: 'leave-request.review', title: t('审核', 'Review'), task: 'leader' }),
    check: (d) => [Object.keys(d.forms).length, st(d).leader!.task!.form],
    expected: [2, 'leave-request.review'],
  },
  {
    command: 'form.remove',
    params: () => ({ key: 'leave-request.apply' }),
    check: (d) => [Object.keys(d.forms).length, d.definition.startForm, st(d).review!.task!.form],
    expected: [0, undefined, undefined],
  },
  {
    command: 'form.setTitle',
    params: () => ({ key: 'leave-request.apply', title: t('申请', 'Apply') }),
    check: (d) => d.forms['leave-request.apply']!.title.en,
    expected: 'Apply',
  },
  {
    command: 'formField.add',
    params: () => ({ form: 'leave-request.apply', kind: 'amount', name: 'allowance', index: 1 }),
    check: (d) => [
      d.forms['leave-request.apply']!.uiSchema!['ui:order'],
      (d.definition.caseSchema.properties as Record<string, unknown>).allowance,
    ],
    expected: [['days', 'allowance', 'reason'], { type: 'number' }],
  },
  {
    command: 'formField.remove',
    params: () => ({ form: 'leave-request.apply', field: '/days' }),
    check: (d) => [d.forms['leave-request.apply']!.schema.required, d.forms['leave-request.apply']!.labels],
    expected: [[], { '/reason': { en: 'Reason' } }],
  },
  {
    command: 'formField.rename',
    setup: [
      ['formField.setShowIf', { form: 'leave-request.apply', field: '/reason', expr: 'data.days > 1' }],
    ],
    params: () => ({ form: 'leave-request.apply', field: '/reason', to: 'why' }),
    check: (d) => [
      d.forms['leave-request.apply']!.schema,
      d.forms['leave-request.apply']!.uiSchema,
      d.forms['leave-request.apply']!.labels,
      d.definition.caseSchema.properties,
    ],
    expected: [
      {
        type: 'object',
        required: ['days'],
        properties: { days: { title: '天数', type: 'integer' }, why: { title: '事由', type: 'string' } },
      },
      { 'ui:order': ['days', 'why'], why: { 'ui:options': { showIf: 'data.days > 1' } } },
      { '/days': { en: 'Days' }, '/why': { en: 'Reason' } },
      { days: { type: 'integer' }, why: { type: 'string' } },
    ],
  },
  {
    command: 'formField.move',
    params: () => ({ form: 'leave-request.apply', field: '/reason', to: 0 }),
    check: (d) => d.forms['leave-request.apply']!.uiSchema!['ui:order'],
    expected: ['reason', 'days'],
  },
  {
    command: 'formField.setLabel',
    params: () => ({ form: 'leave-request.apply', field: '/reason', label: t('原因', 'Why') }),
    check: (d) => d.forms['leave-request.apply']!.labels!['/reason'],
    expected: { en: 'Why' },
  },
  {
    command: 'formField.setHelp',
    params: () => ({ form: 'leave-request.apply', field: '/reason', help: t('写清楚', 'Be clear') }),
    check: (d) => d.forms['leave-request.apply']!.labels!['/reason']!.help?.en,
    expected: 'Be clear',
  },
  {
    command: 'formField.setRequired',
    params: () => ({ form: 'leave-request.apply', field: '/reason', required: true }),
    check: (d) => d.forms['leave-request.apply']!.schema.required,
    expected: ['days', 'reason'],
  },
  {
    command: 'formField.setLimits',
    params: () => ({ form: 'leave-request.apply', field: '/days', limits: { minimum: 1, maximum: 30 } }),
    check: (d) => d.forms['leave-request.apply']!.schema.properties,
    expected: {
      days: { title: '天数', type: 'integer', minimum: 1, maximum: 30 },
      reason: { title: '事由', type: 'string' },
    },
  },
  {
    command: 'formField.setOptions',
    params: () => ({
      form: 'leave-request.apply',
      field: '/reason',
      options: [{ value: 'ill', zh: '病假', en: 'Sick' }],
    }),
    check: (d) => d.forms['leave-request.apply']!.labels!['/reason/ill'],
    expected: { en: 'Sick' },
  },
  {
    command: 'formField.setShowIf',
    params: () => ({ form: 'leave-request.apply', field: '/reason', expr: 'data.days > 1' }),
    check: (d) => d.forms['leave-request.apply']!.uiSchema!.reason,
    expected: { 'ui:options': { showIf: 'data.days > 1' } },
  },
  {
    command: 'state.append',
    params: () => ({ kind: 'task', near: 'leader' }),
    check: (d) => [st(d).leader!.on, Object.keys(st(d)).at(-1)],
    expected: [{ approve: 'approved', next: 'task' }, 'task'],
  },
  {
    command: 'state.append',
    setup: [['state.add', { kind: 'parallel', key: 'par' }]],
    params: () => ({ kind: 'task', near: 'par.branchA' }),
    check: (d) => [st(d).par!.states!.branchA!.initial, st(d).par!.states!.branchA!.states!.task!.on],
    expected: ['task', { submit: 'done' }],
  },
  {
    command: 'elements.delete',
    params: () => ({
      states: ['leader'],
      transitions: [{ source: 'review', kind: 'on', key: 'reject', index: 0 }],
    }),
    check: (d) => [Object.keys(st(d)), st(d).review!.on, st(d).decide!.always],
    expected: [
      ['review', 'decide', 'approved', 'rejected'],
      { approve: 'decide' },
      [{ target: 'approved', guard: { type: 'cel', params: { expr: 'data.days < 3' } } }],
    ],
  },
  {
    command: 'elements.paste',
    params: () => ({
      clipboard: {
        states: [
          {
            key: 'leader',
            def: {
              task: {
                title: t('领导', 'Leader'),
                assignment: { kind: 'initiator' },
                outcomes: [{ key: 'ok', label: t('好', 'OK') }],
              },
              on: { ok: 'approved' },
            },
          },
          { key: 'approved', def: { type: 'final', outcome: 'approved' } },
        ],
      },
    }),
    check: (d) => [Object.keys(st(d)).slice(5), st(d).leader2!.on],
    expected: [['leader2', 'approved2'], { ok: 'approved2' }],
  },
  {
    command: 'schedule.add',
    params: () => ({ schedule: { id: 'weekly', when: 'every Friday 17:00', catchUp: 'once' } }),
    check: (d) => [Object.keys(d.definition).slice(-2), d.definition.schedules],
    expected: [['schedules', 'machine'], [{ id: 'weekly', when: 'every Friday 17:00', catchUp: 'once' }]],
  },
  {
    command: 'schedule.set',
    setup: [
      ['schedule.add', { schedule: { id: 'weekly', when: '0 17 * * 5' } }],
      ['schedule.add', { schedule: { id: 'monthly', when: 'first working day of the month 09:00' } }],
    ],
    params: () => ({
      id: 'weekly',
      schedule: { id: 'friday', when: 'every Friday 17:00', timezone: 'Asia/Shanghai', catchUp: 'skip' },
    }),
    check: (d) => d.definition.schedules?.map((s) => [s.id, s.when, s.catchUp]),
    expected: [
      ['friday', 'every Friday 17:00', 'skip'],
      ['monthly', 'first working day of the month 09:00', undefined],
    ],
  },
  {
    command: 'schedule.remove',
    setup: [['schedule.add', { schedule: { id: 'weekly', when: '0 17 * * 5' } }]],
    params: () => ({ id: 'weekly' }),
    check: (d) => 'schedules' in d.definition,
    expected: false,
  },
];
