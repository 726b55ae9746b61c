import type { Outcome } from '@flowform/api';
import type { UserTaskDef } from '@flowform/engine/browser';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { InlineError } from './inline-error';

/** The decision buttons, in a bar that sticks to the bottom of the screen (thumb reach on phones). */
export function OutcomeBar({
  outcomes,
  taskDef,
  busy,
  error,
  errorTakesFocus = true,
  onChoose,
}: {
  outcomes: Outcome[];
  taskDef?: UserTaskDef;
  busy: boolean;
  /** Why the last decision was refused, said here beside the buttons. */
  error?: string;
  /** False when a field the refusal names takes the focus instead. */
  errorTakesFocus?: boolean;
  onChoose: (outcome: Outcome) => void;
}) {
  const { t, locale } = useI18n();
  const style = (key: string) => taskDef?.outcomes.find((o) => o.key === key)?.style ?? 'default';
  return (
    <fieldset className="decision-bar">
      <legend className="sr-only">{t('task.outcomes')}</legend>
      <InlineError text={error} id="decision-error" focus={errorTakesFocus} />
      {busy && (
        <span className="decision-busy" role="status">
          {t('task.submitting')}
        </span>
      )}
      {outcomes.map((o) => (
        <button
          key={o.key}
          type="button"
          className={`btn btn-${style(o.key)}`}
          disabled={busy}
          onClick={() => onChoose(o)}
        >
          {style(o.key) === 'danger' && <span aria-hidden="true">✕ </span>}
          {style(o.key) === 'primary' && <span aria-hidden="true">✓ </span>}
          {pick(o.label, locale, o.key)}
        </button>
      ))}
    </fieldset>
  );
}
