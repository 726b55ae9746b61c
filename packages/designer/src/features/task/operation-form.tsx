import type { TaskOperation } from '@flowform/api';
import type { StateDef } from '@flowform/engine/browser';
import { type FormEvent, useId, useState } from 'react';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';
import { stateAt } from './load-task';
import { PersonPicker } from '../../ui/pickers/person-picker';
import type { OperationSpec } from './operation-spec';

interface Props {
  op: TaskOperation;
  spec: OperationSpec;
  returnTargets: string[];
  states?: Record<string, StateDef>;
  busy: boolean;
  /** What the server refused, shown here next to the button pressed. */
  serverError?: string;
  onSubmit: (input: { people: string[]; target: string; comment: string; position: string }) => void;
  onCancel: () => void;
}

/** The few inputs an operation needs: people, a step to return to, a position, a note. */
export function OperationForm(props: Props) {
  const { op, spec, returnTargets, states, busy, onSubmit, onCancel } = props;
  const { t, locale } = useI18n();
  const [people, setPeople] = useState<string[]>([]);
  const [target, setTarget] = useState(returnTargets[0] ?? '');
  const [comment, setComment] = useState('');
  const [position, setPosition] = useState('');
  const [error, setError] = useState<string>();
  const peopleId = useId();
  const opName = t(`task.op.${op}` as MessageKey);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const list = people;
    if (spec.people && list.length === 0) return setError(t('task.op.userRequired'));
    if (spec.comment === 'required' && !comment.trim()) return setError(t('task.op.commentRequired'));
    setError(undefined);
    onSubmit({ people: spec.people === 'one' ? list.slice(0, 1) : list, target, comment, position });
  };
  const stateName = (id: string) => {
    const state = states ? stateAt(states, id) : undefined;
    return pick(state?.name ?? state?.task?.title, locale, id);
  };
  return (
    <form className="op-form card" onSubmit={submit} aria-label={opName}>
      <h3>{opName}</h3>
      {spec.people && (
        <div className="field">
          <label className="field-label" htmlFor={peopleId}>
            {spec.people === 'one' ? t('task.op.to') : t('task.op.users')}
          </label>
          <PersonPicker
            id={peopleId}
            value={people}
            onChange={setPeople}
            multiple={spec.people === 'many'}
            label={spec.people === 'one' ? t('task.op.to') : t('task.op.users')}
          />
        </div>
      )}
      {spec.target && (
        <label className="field">
          <span className="field-label">{t('task.op.target')}</span>
          <select value={target} onChange={(e) => setTarget(e.target.value)}>
            {returnTargets.map((id) => (
              <option key={id} value={id}>
                {stateName(id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {spec.position && (
        <label className="field">
          <span className="field-label">{t('task.op.position')}</span>
          <select value={position} onChange={(e) => setPosition(e.target.value)}>
            <option value="">{t('task.op.position.end')}</option>
            <option value="before">{t('task.op.position.before')}</option>
            <option value="after">{t('task.op.position.after')}</option>
          </select>
        </label>
      )}
      {spec.comment && (
        <label className="field">
          <span className="field-label">
            {t('task.op.commentLabel')}
            {spec.comment === 'required' && <span className="req"> *</span>}
          </span>
          <textarea rows={3} maxLength={4000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
      )}
      {(error ?? props.serverError) && (
        <p className="error-text" role="alert">
          ⚠ {error ?? props.serverError}
        </p>
      )}
      <div className="op-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('task.op.confirm', { op: opName })}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('task.op.cancel')}
        </button>
      </div>
    </form>
  );
}
