/** A small approval flow with a form, and every shipped process, for the command tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormDefinition, ProcessDefinition } from '@flowform/engine/browser';
import type { DesignDoc } from '../model/design-doc';

const ROOT = join(import.meta.dirname, '../../../../../..');

export function approvalDoc(): DesignDoc {
  return {
    definition: {
      key: 'leave-request',
      name: { 'zh-CN': '请假', en: 'Leave request' },
      description: { 'zh-CN': '请假审批', en: 'Leave approval' },
      caseSchema: { type: 'object', properties: { days: { type: 'integer' }, reason: { type: 'string' } } },
      starters: { kind: 'initiator' },
      startForm: 'leave-request.apply',
      machine: {
        initial: 'review',
        states: {
          review: {
            name: { 'zh-CN': '审核', en: 'Review' },
            task: {
              title: { 'zh-CN': '支部审核', en: 'Branch review' },
              form: 'leave-request.apply',
              assignment: { kind: 'initiatorSuperior' },
              outcomes: [
                { key: 'approve', label: { 'zh-CN': '同意', en: 'Approve' } },
                { key: 'reject', label: { 'zh-CN': '不同意', en: 'Reject' } },
              ],
            },
            on: { approve: 'decide', reject: { target: 'rejected' } },
          },
          decide: {
            always: [
              { target: 'approved', guard: { type: 'cel', params: { expr: 'data.days < 3' } } },
              { target: 'leader' },
            ],
          },
          leader: {
            task: {
              title: { 'zh-CN': '领导审批', en: 'Leader approval' },
              assignment: { kind: 'performerOf', state: 'review' },
              outcomes: [{ key: 'approve', label: { 'zh-CN': '同意', en: 'Approve' } }],
              returnTargets: ['review'],
              operations: ['return'],
            },
            on: { approve: 'approved' },
          },
          approved: { type: 'final', outcome: 'approved' },
          rejected: { type: 'final', outcome: 'rejected' },
        },
      },
    },
    forms: {
      'leave-request.apply': {
        key: 'leave-request.apply',
        title: { 'zh-CN': '请假申请', en: 'Leave application' },
        schema: {
          type: 'object',
          properties: { days: { title: '天数', type: 'integer' }, reason: { title: '事由', type: 'string' } },
          required: ['days'],
        },
        uiSchema: { 'ui:order': ['days', 'reason'] },
        labels: { '/days': { en: 'Days' }, '/reason': { en: 'Reason' } },
      },
    },
  };
}

/** A shipped process with its forms. */
export function shippedDoc(key: string): DesignDoc {
  const definition = JSON.parse(
    readFileSync(join(ROOT, 'workflows', `${key}.json`), 'utf8'),
  ) as ProcessDefinition;
  const forms: Record<string, FormDefinition> = {};
  for (const file of readdirSync(join(ROOT, 'forms')))
    if (file.startsWith(`${key}.`)) {
      const form = JSON.parse(readFileSync(join(ROOT, 'forms', file), 'utf8')) as FormDefinition;
      forms[form.key] = form;
    }
  return { definition, forms };
}

export const SHIPPED = readdirSync(join(ROOT, 'workflows'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
