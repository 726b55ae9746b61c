/** One open task in the simulation: who it is offered to, its form (the real renderer) and its outcomes. */
import type { CaseSnapshot, FormDefinition, InMemoryDirectory, UserTaskDef } from '@flowform/engine/browser';
import { useMemo, useState } from 'react';
import { SchemaForm } from '../../../forms/schema-form';
import { formatDateTime, pick } from '../../../i18n/format';
import { useDesignerText } from '../i18n/use-designer-text';
import { sampleObject } from '../model/sample-data';
import { holdersOf } from './sim-play';

type Json = Record<string, unknown>;

interface Props {
  task: CaseSnapshot['tasks'][number];
  def: UserTaskDef;
  form: FormDefinition | undefined;
  data: Json;
  directory: InMemoryDirectory;
  onComplete: (user: string, outcome: string, data: Json, comment?: string) => void;
}

export function SimTaskCard({ task, def, form, data, directory, onComplete }: Props) {
  const { dt, locale } = useDesignerText();
  const people = holdersOf(task, directory);
  const [user, setUser] = useState(people[0] ?? '');
  const locked = new Set(
    Object.entries(def.fieldPermissions ?? {})
      .filter(([, p]) => p !== 'editable')
      .map(([f]) => f),
  );
  const initial = useMemo(() => {
    if (!form) return {};
    const sample = sampleObject(form.schema, { date: '2026-03-02', user: people[0], unit: undefined });
    const props = Object.keys((form.schema.properties ?? {}) as Json);
    const known = Object.fromEntries(props.filter((p) => p in data).map((p) => [p, data[p]]));
    return { ...sample, ...known };
  }, [form, data, people[0]]);
  const [values, setValues] = useState<Json>(initial);
  const name = (u: string) => pick(directory.user(u)?.displayName, locale, u);
  const payload = () => Object.fromEntries(Object.entries(values).filter(([k]) => !locked.has(k)));
  return (
    <article className="ff-sim-task" data-state={task.stateId}>
      <h4>{pick(def.title, locale, task.stateId)}</h4>
      <p className="ff-muted">
        {people.map(name).join('、') || '—'}
        {task.dueAt ? ` · ${dt('sim.due', { time: formatDateTime(locale, task.dueAt) })}` : ''}
      </p>
      <div className="ff-field">
        <label htmlFor={`sim-user-${task.id}`}>{dt('sim.as')}</label>
        <select id={`sim-user-${task.id}`} value={user} onChange={(e) => setUser(e.target.value)}>
          {people.map((u) => (
            <option key={u} value={u}>
              {name(u)} ({u})
            </option>
          ))}
        </select>
      </div>
      {form && (
        <details>
          <summary>{dt('sim.taskData')}</summary>
          <SchemaForm
            form={{ key: form.key, schema: form.schema, uiSchema: form.uiSchema ?? {}, labels: form.labels }}
            data={values}
            onChange={setValues}
          />
        </details>
      )}
      <div className="ff-row">
        {def.outcomes.map((o) => (
          <button
            key={o.key}
            type="button"
            className={`btn ${o.style === 'danger' ? 'btn-danger' : 'btn-primary'}`}
            disabled={!user}
            onClick={() => onComplete(user, o.key, payload(), o.requiresComment ? '模拟意见' : undefined)}
          >
            {pick(o.label, locale, o.key)}
          </button>
        ))}
      </div>
    </article>
  );
}
