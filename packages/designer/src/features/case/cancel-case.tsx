import { useRef, useState } from 'react';
import { api } from '../../api/endpoints';
import { useI18n } from '../../i18n/i18n-context';
import { useErrorText } from '../../ui/status-views';

/**
 * 撤销申请: the initiator cancels their own case, while the process allows it, with a reason. Two
 * steps (open, then confirm) so one stray tap never ends a case; a refusal shows beside the button.
 */
export function CancelCase({ caseId, onCancelled }: { caseId: string; onCancelled: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  if (!open)
    return (
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        {t('case.cancel')}
      </button>
    );
  const confirm = () => {
    if (!reason.trim()) {
      setError(t('case.cancel.reasonMissing'));
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    api.cancel(caseId, reason.trim()).then(onCancelled, (e: unknown) => {
      setError(errorText(e));
      setBusy(false);
    });
  };
  return (
    <fieldset className="cancel-case">
      <legend className="field-label">{t('case.cancel.confirmTitle')}</legend>
      <label className={error ? 'field ff-field-invalid' : 'field'}>
        <span className="field-label">{t('case.cancel.reason')}</span>
        <textarea
          ref={reasonRef}
          rows={2}
          maxLength={4000}
          value={reason}
          aria-invalid={!!error || undefined}
          aria-describedby={error ? 'cancel-case-error' : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      {error && (
        <p id="cancel-case-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="btn btn-danger" disabled={busy} onClick={confirm}>
          {t('case.cancel.confirm')}
        </button>
        <button type="button" className="btn" disabled={busy} onClick={() => setOpen(false)}>
          {t('case.cancel.keep')}
        </button>
      </div>
    </fieldset>
  );
}
