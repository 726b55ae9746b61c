import { useI18n } from '../i18n/i18n-context';

const ICON: Record<string, string> = {
  running: '●',
  approved: '✓',
  rejected: '✕',
  withdrawn: '↩',
  cancelled: '⊘',
  completed: '✓',
};
const WORDS = {
  approved: 'case.outcome.approved',
  rejected: 'case.outcome.rejected',
  withdrawn: 'case.outcome.withdrawn',
  cancelled: 'case.outcome.cancelled',
  completed: 'case.outcome.completed',
} as const;
type Outcome = keyof typeof WORDS;
const isOutcome = (v: string | null | undefined): v is Outcome => !!v && v in WORDS;

/**
 * A case's status as a word with an icon (never colour alone). An ended case shows how it ended
 * (已批准, 未批准 …), so a rejected case never reads as plainly completed.
 */
export function CaseStatus({ status, outcome }: { status: string; outcome?: string | null }) {
  const { t } = useI18n();
  const shown = status !== 'running' && isOutcome(outcome) ? outcome : status;
  const known = shown === 'running' || isOutcome(shown);
  const word = isOutcome(shown) ? t(WORDS[shown]) : shown === 'running' ? t('case.status.running') : shown;
  return (
    <span className={`flag status-${known ? shown : 'other'}`} data-outcome={outcome ?? undefined}>
      <span aria-hidden="true">{ICON[shown] ?? '•'} </span>
      {word}
    </span>
  );
}
