/** A state's properties: id (renaming keeps references), names, first-step flag, and what its kind needs. */
import type { CaseOutcome } from '@flowform/engine/browser';
import { useI18n } from '../../../i18n/i18n-context';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { DurationInput } from '../inputs/duration-input';
import { CommitInput, LocalizedInput } from '../inputs/localized-input';
import { childId, initialPath, keyOf, parentOf, stateAt } from '../model/design-doc';
import { getAt } from '../model/json-ops';
import { kindOf } from '../model/state-templates';
import { useDesigner } from '../state/designer-context';
import { TaskProperties } from './task-properties';
import { TransitionList } from './transition-list';

const OUTCOMES: CaseOutcome[] = ['approved', 'rejected', 'withdrawn', 'cancelled', 'completed'];

export function StateProperties({ id }: { id: string }) {
  const { doc, modeling, select, processes } = useDesigner();
  const { dt } = useDesignerText();
  const { t } = useI18n();
  const state = stateAt(doc, id);
  if (!state) return null;
  const kind = kindOf(state);
  const initial = getAt(doc, initialPath(parentOf(id))) === keyOf(id);
  return (
    <section className="ff-props" aria-label={dt('props.title')}>
      <h3>
        {dt(`kind.${kind}` as DesignerKey)} <code>{id}</code>
      </h3>
      <CommitInput
        label={dt('props.stateId')}
        name="state-id"
        value={keyOf(id)}
        onCommit={(to) => {
          if (modeling.renameState(id, to)) select({ states: [childId(parentOf(id), to)], transitions: [] });
        }}
      />
      <LocalizedInput
        label={dt('props.name')}
        name="state-name"
        value={state.name}
        onCommit={(name) => modeling.setStateName(id, name)}
      />
      {initial ? (
        <p className="ff-muted">{dt('props.isInitial')}</p>
      ) : kind === 'end' ? null : (
        <button type="button" className="btn btn-small" onClick={() => modeling.setInitialState(id)}>
          {dt('props.makeInitial')}
        </button>
      )}
      {state.type === 'final' && parentOf(id) === undefined && (
        <div className="ff-field">
          <label htmlFor={`outcome-${id}`}>{dt('props.outcome')}</label>
          <select
            id={`outcome-${id}`}
            name="state-outcome"
            value={state.outcome ?? ''}
            aria-describedby={`outcome-help-${id}`}
            onChange={(e) => modeling.setOutcome(id, e.target.value as CaseOutcome)}
          >
            {!state.outcome && <option value="">{dt('props.none')}</option>}
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t(`case.outcome.${o}`)}
              </option>
            ))}
          </select>
          <small id={`outcome-help-${id}`} className="ff-muted">
            {dt('props.outcomeHelp')}
          </small>
        </div>
      )}
      {state.task && <TaskProperties id={id} task={state.task} />}
      {kind === 'decision' && <p className="ff-muted">{dt('props.decision')}</p>}
      {state.after &&
        Object.keys(state.after).map((delay) => (
          <DurationInput
            key={delay}
            label={dt('props.timer')}
            name="state-timer"
            value={delay}
            onText={(to) => modeling.renameTimer(id, delay, to)}
            onSpec={(to) => modeling.renameTimer(id, delay, to)}
          />
        ))}
      {state.invoke && (
        <div className="ff-field">
          <label htmlFor={`invoke-${id}`}>{dt('props.childProcess')}</label>
          <select
            id={`invoke-${id}`}
            value={state.invoke.process}
            onChange={(e) => modeling.setChildProcess(id, e.target.value)}
          >
            <option value="">{dt('props.none')}</option>
            {processes.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
      )}
      <TransitionList id={id} />
    </section>
  );
}
