/** A schedule's start data: `forEach` (one case per element) and one CEL expression per case field. */
import type { ScheduleDef } from '@flowform/engine/browser';
import { useState } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput } from '../inputs/localized-input';
import { useDesigner } from '../state/designer-context';
import { FieldProblems } from './field-problems';

type Start = NonNullable<ScheduleDef['start']>;

export function StartDataEditor({
  start,
  base,
  onChange,
}: {
  start: Start | undefined;
  /** The schedule's lint path, `/schedules/<i>`. */
  base: string;
  onChange: (start: Start | undefined) => void;
}) {
  const { doc } = useDesigner();
  const { dt } = useDesignerText();
  const [adding, setAdding] = useState('');
  const data = start?.data ?? {};
  const fields = Object.keys((doc.definition.caseSchema.properties ?? {}) as object);
  const free = fields.filter((f) => !(f in data));
  const put = (next: Start) =>
    onChange(next.forEach || Object.keys(next.data ?? {}).length > 0 ? next : undefined);
  const setData = (field: string, expr: string | undefined) => {
    const nextData = { ...data };
    if (expr === undefined) delete nextData[field];
    else nextData[field] = expr;
    put({ ...start, data: Object.keys(nextData).length ? nextData : undefined });
  };
  return (
    <fieldset className="ff-group-fields">
      <legend>{dt('schedule.start')}</legend>
      <CommitInput
        label={dt('schedule.forEach')}
        name="schedule-for-each"
        value={start?.forEach ?? ''}
        placeholder='people.filter(p, "grassrootsCadre" in p.roles)'
        onCommit={(v) => put({ ...start, forEach: v.trim() || undefined })}
      />
      <FieldProblems path={`${base}/start/forEach`} />
      {Object.entries(data).map(([field, expr]) => (
        <div key={field} className="ff-schedule-data">
          <CommitInput
            label={dt('schedule.dataField', { field })}
            name={`schedule-data-${field}`}
            value={expr}
            onCommit={(v) => setData(field, v.trim() || undefined)}
          />
          <button type="button" className="btn btn-small" onClick={() => setData(field, undefined)}>
            {dt('schedule.removeData', { field })}
          </button>
          <FieldProblems path={`${base}/start/data/${field}`} />
        </div>
      ))}
      {free.length > 0 && (
        <div className="ff-field ff-inline">
          <label htmlFor={`${base}-add-data`}>{dt('schedule.addData')}</label>
          <select
            id={`${base}-add-data`}
            value={adding}
            onChange={(e) => {
              setAdding('');
              if (e.target.value) setData(e.target.value, 'now');
            }}
          >
            <option value="">{dt('props.none')}</option>
            {free.map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </div>
      )}
      <p className="ff-muted">{dt('schedule.startHint')}</p>
    </fieldset>
  );
}
