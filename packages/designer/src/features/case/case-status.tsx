import { useI18n } from '../../i18n/i18n-context';

const ICON: Record<string, string> = { running: '●', completed: '✓', cancelled: '✕' };

/** A case's status as a word with an icon (never colour alone). */
export function CaseStatus({ status }: { status: string }) {
  const { t } = useI18n();
  const known = status === 'running' || status === 'completed' || status === 'cancelled';
  return (
    <span className={`flag status-${known ? status : 'other'}`}>
      <span aria-hidden="true">{ICON[status] ?? '•'} </span>
      {known ? t(`case.status.${status}`) : status}
    </span>
  );
}
