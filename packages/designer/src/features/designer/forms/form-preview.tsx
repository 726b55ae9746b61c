/**
 * The live preview: the web app's own form renderer (the one the task page uses) with sample data,
 * fields hidden while their show-if CEL is false, and the sample checked like a submission.
 */
import type { FormDefinition } from '@flowform/engine/browser';
import { useMemo, useState } from 'react';
import { SchemaForm } from '../../../forms/schema-form';
import { validateShown } from '../../../forms/show-if';
import { useDesignerText } from '../i18n/use-designer-text';
import { sampleObject } from '../model/sample-data';
import { useDesigner } from '../state/designer-context';

type Json = Record<string, unknown>;

export function FormPreview({ form }: { form: FormDefinition }) {
  const { seed } = useDesigner();
  const { dt, locale } = useDesignerText();
  const initial = useMemo(
    () =>
      sampleObject(form.schema, {
        date: new Date().toISOString().slice(0, 10),
        user: seed?.users[0]?.username,
        unit: seed?.units[1]?.id,
      }),
    [form.schema, seed],
  );
  const [data, setData] = useState<Json | undefined>();
  const current = data ?? initial;
  const errors = validateShown(form, current, locale);
  return (
    <section className="ff-preview" aria-label={dt('forms.preview')}>
      <h3>{dt('forms.preview')}</h3>
      <SchemaForm
        key={JSON.stringify(form)}
        form={{ key: form.key, schema: form.schema, uiSchema: form.uiSchema ?? {}, labels: form.labels }}
        data={current}
        onChange={setData}
      />
      <h4>{dt('forms.sample')}</h4>
      {errors.length === 0 ? (
        <p className="ff-ok">{dt('forms.sampleOk')}</p>
      ) : (
        <>
          <p className="ff-error">{dt('forms.sampleErrors', { count: errors.length })}</p>
          <ul className="ff-errors">
            {errors.map((e) => (
              <li key={`${e.path}-${e.message}`}>{e.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
