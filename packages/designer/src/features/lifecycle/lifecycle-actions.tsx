import { useId, useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { useErrorText } from '../../ui/status-views';
import { useLifecycleText } from './lifecycle-messages';

type Action = 'suspend' | 'resume' | 'cancel';

/**
 * 挂起 / 恢复 / 取消 for an administrator, from a case's row or page: each opens a confirmation
 * that says what happens and asks for the required reason; a refusal shows right under the confirm
 * button (focused), never in a banner far away.
 */
export function LifecycleActions({
  caseId,
  suspended,
  onDone,
}: {
  caseId: string;
  suspended: boolean;
  onDone: (action: Action) => void;
}) {
  const text = useLifecycleText();
  const errorText = useErrorText();
  const [open, setOpen] = useState<Action>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  const start = (action: Action) => {
    setOpen(action);
    setReason('');
    setError(undefined);
  };
  if (!open)
    return (
      <div className="button-row lifecycle-actions">
        {suspended ? (
          <button type="button" className="btn" onClick={() => start('resume')}>
            {text('resume')}
          </button>
        ) : (
          <button type="button" className="btn" onClick={() => start('suspend')}>
            {text('suspend')}
          </button>
        )}
        <button type="button" className="btn btn-danger" onClick={() => start('cancel')}>
          {text('cancel')}
        </button>
      </div>
    );
  const confirm = () => {
    const why = reason.trim();
    if (!why) {
      setError(text('reasonMissing'));
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    const call =
      open === 'suspend'
        ? api.suspend(caseId, why)
        : open === 'resume'
          ? api.resume(caseId, why)
          : api.cancel(caseId, why);
    call.then(
      () => {
        setBusy(false);
        setOpen(undefined);
        onDone(open);
      },
      (e: unknown) => {
        setError(errorText(e));
        setBusy(false);
      },
    );
  };
  return (
    <fieldset className="cancel-case lifecycle-confirm" aria-describedby={`${id}-what`}>
      <legend className="field-label">{text(open === 'cancel' ? 'cancel' : open)}</legend>
      <p id={`${id}-what`}>{text(`${open}.confirm`)}</p>
      <label className={error ? 'field ff-field-invalid' : 'field'}>
        <span className="field-label">{text('reason')}</span>
        <textarea
          ref={reasonRef}
          rows={2}
          maxLength={4000}
          value={reason}
          // biome-ignore lint/a11y/noAutofocus: the confirmation opens to type its reason
          autoFocus
          aria-invalid={!!error || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="button-row">
        <button
          type="button"
          className={open === 'cancel' ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={busy}
          onClick={confirm}
        >
          {text('confirm')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => setOpen(undefined)}>
          {text('keep')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="inline-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      )}
    </fieldset>
  );
}
