import type { StepRecordView } from '@flowform/api';
import { describe, expect, it } from 'vitest';
import { startAgainData } from './start-again';

const record = (o: Partial<StepRecordView>): StepRecordView => ({
  seq: 1,
  taskId: null,
  stateId: null,
  title: { 'zh-CN': '申请', en: 'Application' },
  formKey: 'p.start',
  actor: 'head103',
  outcome: null,
  outcomeLabel: null,
  comment: null,
  data: {},
  attachments: [],
  at: '2026-03-01T08:00:00.000Z',
  ...o,
});

const form = {
  schema: { properties: { name: {}, amount: {}, causes: {}, files: {} } },
  uiSchema: { files: { items: { attachmentId: { 'ui:widget': 'attachment' } } } },
};

describe('submit again', () => {
  it('given an ended case, when its start form is copied, then the start values come without files, unknown fields or later steps', () => {
    const records = [
      record({
        data: {
          name: '王桂芳',
          amount: 5000,
          causes: ['illness'],
          files: [{ description: '诊断', attachmentId: 'a1' }],
          retired: 'old field',
        },
      }),
      record({ seq: 2, taskId: 't1', stateId: 'approval', data: { opinion: '不同意', amount: 1 } }),
    ];
    const copy = startAgainData(form, records);
    expect(copy).toEqual({ name: '王桂芳', amount: 5000, causes: ['illness'] });
    (copy.causes as string[]).push('x');
    expect(records[0]!.data.causes).toEqual(['illness']);
  });

  it('given a case whose start record the viewer may not see, when copied, then the form starts empty', () => {
    expect(
      startAgainData(form, [record({ seq: 2, taskId: 't1', stateId: 'approval', data: { name: 'x' } })]),
    ).toEqual({});
  });
});
