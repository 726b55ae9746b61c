import { recordsetPart } from './part-shapes';
import { stepRecordColumns } from './table-columns';

/** A start's or completion's step record, beside the audit row that vouches for it. */
export const stepRecordRow = recordsetPart({
  name: 'step_record',
  table: 'step_records',
  columns: stepRecordColumns,
  rowsOf: ({ change }) => {
    if (!change.record) return [];
    const { instance_id: _, ...row } = change.record;
    return [row];
  },
});
