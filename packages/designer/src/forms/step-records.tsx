import type { DefinitionVersion, StepRecordView } from '@flowform/api';
import { usePeople } from '../api/people';
import { formatDateTime, pick } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { FieldValues } from './field-values';

/**
 * Each submission of a case in order — the start form, then every completed step — with who
 * submitted it and when, its decision, its values and its comment, as it was submitted (never the
 * case's current values: the branch secretary's opinion stays under the secretary's name).
 */
export function StepRecords({
  records,
  definition,
}: {
  records: StepRecordView[];
  definition?: DefinitionVersion;
}) {
  const { t, locale } = useI18n();
  const person = usePeople(records.map((r) => r.actor));
  if (records.length === 0) return <p className="muted">{t('state.empty')}</p>;
  return (
    <ol className="step-records">
      {records.map((r) => {
        const form = r.formKey ? definition?.forms[r.formKey] : undefined;
        return (
          <li key={r.seq} className="step-record" data-seq={r.seq} data-state={r.stateId ?? ''}>
            <h3 className="step-record-title">
              {pick(r.title, locale)}
              {r.outcomeLabel && <span className="flag">{pick(r.outcomeLabel, locale)}</span>}
            </h3>
            <p className="muted small step-record-by">
              {t('record.by', { person: person(r.actor, locale), at: formatDateTime(locale, r.at) })}
            </p>
            {form ? (
              <FieldValues
                form={{ schema: form.schema, uiSchema: form.uiSchema ?? {} }}
                labels={form.labels}
                data={r.data}
              />
            ) : null}
            {r.comment && (
              <p className="step-record-comment">
                <span className="muted">{t('record.comment')}</span> {r.comment}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
