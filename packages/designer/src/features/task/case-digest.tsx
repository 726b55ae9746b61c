import type { CaseView, DefinitionVersion } from '@flowform/api';
import type { UserTaskDef } from '@flowform/engine/browser';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { FieldValues } from '../../forms/field-values';
import { StepRecords } from '../../forms/step-records';

type Json = Record<string, unknown>;

/** Below this width the case summary starts folded to its key fields. */
const PHONE = '(max-width: 600px)';

/**
 * The case above a task's form, read-only: its key fields (the task's `keyFields`, else the start
 * form's first four), then every earlier submission in order with who and when. It starts open on
 * a wide screen and folded to the key fields on a phone.
 */
export function CaseDigest({
  caseView,
  definition,
  taskDef,
}: {
  caseView: CaseView;
  definition?: DefinitionVersion;
  taskDef?: UserTaskDef;
}) {
  const { t } = useI18n();
  const [open] = useState(() => typeof window === 'undefined' || !window.matchMedia?.(PHONE).matches);
  const key = keyForm(caseView, definition, taskDef);
  const latest: Json = {};
  for (const r of caseView.records) Object.assign(latest, r.data);
  return (
    <section className="card case-digest" aria-labelledby="digest-title">
      <h2 id="digest-title">{t('digest.title')}</h2>
      {key && (
        <div className="digest-key">
          <FieldValues form={key.form} labels={key.labels} data={latest} />
        </div>
      )}
      <details className="digest-steps" open={open}>
        <summary>{t('digest.steps', { count: caseView.records.length })}</summary>
        <StepRecords records={caseView.records} definition={definition} />
      </details>
    </section>
  );
}

/** A form of the key fields, each with its schema and labels from the first form that has it. */
function keyForm(caseView: CaseView, definition: DefinitionVersion | undefined, taskDef?: UserTaskDef) {
  if (!definition) return undefined;
  const forms = caseView.records
    .map((r) => (r.formKey ? definition.forms[r.formKey] : undefined))
    .filter((f) => f !== undefined);
  const startProps = Object.keys((forms[0]?.schema.properties as Json | undefined) ?? {});
  const fields = taskDef?.keyFields ?? startProps.slice(0, 4);
  const properties: Json = {};
  const uiSchema: Json = { 'ui:order': fields };
  const labels: NonNullable<(typeof forms)[number]['labels']> = {};
  for (const field of fields) {
    const form = forms.find((f) => (f.schema.properties as Json | undefined)?.[field]);
    if (!form) continue;
    properties[field] = (form.schema.properties as Json)[field];
    if (form.uiSchema?.[field]) uiSchema[field] = form.uiSchema[field];
    for (const [path, label] of Object.entries(form.labels ?? {}))
      if (path === `/${field}` || path.startsWith(`/${field}/`)) labels[path] = label;
  }
  if (Object.keys(properties).length === 0) return undefined;
  return { form: { schema: { type: 'object', properties }, uiSchema }, labels };
}
