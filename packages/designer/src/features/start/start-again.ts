/**
 * 再次提交 / Submit again: the start form of a new case filled from an ended case's start record —
 * the values its initiator submitted, as the case view shows them to them now (so only fields they
 * may see), limited to the fields of today's start form, without files (an attachment belongs to
 * the old case) and never from any other step's record (no one else's opinion is copied).
 */
import type { StepRecordView } from '@flowform/api';

interface StartForm {
  schema: { properties?: Record<string, unknown> };
  uiSchema?: Record<string, unknown>;
}

export function startAgainData(form: StartForm, records: StepRecordView[]): Record<string, unknown> {
  const start = records.find((r) => r.stateId === null && r.taskId === null);
  if (!start) return {};
  const fields = Object.keys(form.schema.properties ?? {});
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(start.data, field)) continue;
    if (JSON.stringify(form.uiSchema?.[field] ?? {}).includes('"ui:widget":"attachment"')) continue;
    out[field] = structuredClone(start.data[field]);
  }
  return out;
}
