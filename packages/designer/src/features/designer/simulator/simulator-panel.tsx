/**
 * The simulator: play the flow as named people of the real directory on a virtual clock (who gets
 * each task, pick outcomes, fast-forward to deadlines and escalations, the data), the path lit on
 * the canvas; and walk every path for coverage.
 */
import { useEffect, useMemo, useState } from 'react';
import { SchemaForm } from '../../../forms/schema-form';
import { formatDateTime, pick } from '../../../i18n/format';
import { useDesignerText } from '../i18n/use-designer-text';
import { stateAt } from '../model/design-doc';
import { sampleObject } from '../model/sample-data';
import { useDesigner } from '../state/designer-context';
import { PathCoverage } from './path-coverage';
import { SimLog } from './sim-log';
import { activeIds, completeTask, fireNextTimer, refusal, type SimCase, startCase } from './sim-play';
import { SimTaskCard } from './sim-task-card';

type Json = Record<string, unknown>;

export function SimulatorPanel() {
  const { doc, seed, directory, setHighlight, problems } = useDesigner();
  const { dt, locale } = useDesignerText();
  const users = (seed?.users ?? []).filter((u) => !u.disabled);
  const [starter, setStarter] = useState(users.find((u) => u.username !== 'admin')?.username ?? '');
  const startForm = doc.definition.startForm ? doc.forms[doc.definition.startForm] : undefined;
  const initialData = useMemo(
    () =>
      startForm
        ? sampleObject(startForm.schema, { date: '2026-03-02', user: starter, unit: seed?.units[1]?.id })
        : {},
    [startForm, starter, seed],
  );
  const [startData, setStartData] = useState<Json | undefined>();
  const [sim, setSim] = useState<SimCase>();
  const [error, setError] = useState<string>();
  const errors = problems.filter((p) => p.severity === 'error').length;

  useEffect(() => {
    if (!sim) return;
    const current = new Set(activeIds(sim.snapshot.machine.value));
    setHighlight({ visited: sim.visited, current, transitions: sim.transitions, uncovered: new Set() });
  }, [sim, setHighlight]);
  useEffect(() => () => setHighlight(undefined), [setHighlight]);

  const attempt = (next: () => SimCase | undefined) => {
    try {
      const result = next();
      if (result) setSim(result);
      setError(result ? undefined : dt('sim.noTimer'));
    } catch (e) {
      setError(dt('sim.refused', { detail: refusal(e) }));
    }
  };
  if (!directory) return null;
  return (
    <aside className="ff-sim" aria-label={dt('sim.title')}>
      <h3>{dt('sim.title')}</h3>
      <p className="ff-muted">{dt('sim.intro')}</p>
      {errors > 0 && <p className="ff-error">{dt('sim.cannot')}</p>}
      <PathCoverage starter={starter} />
      {!sim ? (
        <>
          <div className="ff-field">
            <label htmlFor="ff-sim-starter">{dt('sim.starter')}</label>
            <select id="ff-sim-starter" value={starter} onChange={(e) => setStarter(e.target.value)}>
              {users.map((u) => (
                <option key={u.username} value={u.username}>
                  {pick(u.displayName, locale, u.username)} ({u.username})
                </option>
              ))}
            </select>
          </div>
          {startForm && (
            <details open>
              <summary>{dt('sim.startData')}</summary>
              <SchemaForm
                form={{
                  key: startForm.key,
                  schema: startForm.schema,
                  uiSchema: startForm.uiSchema ?? {},
                  labels: startForm.labels,
                }}
                data={startData ?? initialData}
                onChange={setStartData}
              />
            </details>
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={!starter}
            onClick={() =>
              attempt(() => startCase({ doc, directory, locale }, starter, startData ?? initialData))
            }
          >
            {dt('sim.start')}
          </button>
        </>
      ) : (
        <>
          <p className="ff-sim-clock" role="status">
            {dt('sim.clock', { time: formatDateTime(locale, new Date(sim.at).toISOString()) })} ·{' '}
            {dt(`sim.status.${sim.snapshot.status}`)}
          </p>
          <h4>{dt('sim.open')}</h4>
          {sim.snapshot.tasks.length === 0 && <p className="ff-muted">{dt('sim.none')}</p>}
          {sim.snapshot.tasks.map((task) => {
            const def = stateAt(doc, task.stateId)?.task;
            if (!def) return null;
            return (
              <SimTaskCard
                key={task.id}
                task={task}
                def={def}
                form={def.form ? doc.forms[def.form] : undefined}
                data={sim.snapshot.data}
                directory={directory}
                onComplete={(user, outcome, data, comment) =>
                  attempt(() =>
                    completeTask({ doc, directory, locale }, sim, task.id, user, outcome, data, comment),
                  )
                }
              />
            );
          })}
          <div className="ff-row">
            <button
              type="button"
              className="btn"
              disabled={sim.snapshot.status !== 'running'}
              onClick={() => attempt(() => fireNextTimer({ doc, directory, locale }, sim))}
            >
              » {dt('sim.forward')}
            </button>
            <button type="button" className="btn btn-quiet" onClick={() => setSim(undefined)}>
              {dt('sim.reset')}
            </button>
          </div>
          <SimLog sim={sim} />
        </>
      )}
      {error && (
        <p className="ff-error" role="alert">
          {error}
        </p>
      )}
    </aside>
  );
}
