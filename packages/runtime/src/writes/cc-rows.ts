import { recordsetPart } from './part-shapes';
import { ccColumns } from './table-columns';

/** People newly copied on a case (once each: a repeated CC is ignored). */
export const ccRows = recordsetPart({
  name: 'cc_rows',
  table: 'cc_entries',
  columns: ccColumns,
  rowsOf: (w) => w.change.cc,
  onConflict: (oc) => oc.doNothing(),
});
