import type { History, TaskView } from '@flowform/api';
import { usePeople } from '../../api/people';
import { formatDateTime, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/translate';

const ACTIONS = new Set([
  'start',
  'complete',
  'claim',
  'unclaim',
  'reassign',
  'transfer',
  'delegate',
  'addSigner',
  'removeSigner',
  'return',
  'urge',
  'cc',
  'comment',
  'withdraw',
  'cancel',
  'suspend',
  'resume',
  'timerFired',
  'migrate',
  'escalate',
  'remind',
]);

/** Who did what, when, at which step, with which outcome and comment; hashes for administrators. */
export function Timeline({
  history,
  tasks,
  showHashes,
}: {
  history: History;
  tasks: Map<string, TaskView>;
  showHashes: boolean;
}) {
  const { t, locale } = useI18n();
  const person = usePeople(history.entries.map((e) => e.actor));
  if (history.entries.length === 0) return <p className="muted">{t('case.timeline.empty')}</p>;
  return (
    <>
      {showHashes && (
        <p className={history.chainValid ? 'muted small' : 'error-text'}>
          {history.chainValid ? `✓ ${t('case.chainValid')}` : `⚠ ${t('case.chainBroken')}`}
        </p>
      )}
      <ol className="timeline">
        {history.entries.map((e) => {
          const task = e.taskId ? tasks.get(e.taskId) : undefined;
          const outcome = e.outcome ? task?.outcomes.find((o) => o.key === e.outcome) : undefined;
          const action = ACTIONS.has(e.action) ? t(`action.${e.action}` as MessageKey) : e.action;
          return (
            <li key={e.seq} className="event">
              <div className="event-head">
                <strong>{person(e.actor, locale)}</strong> <span>{action}</span>
                {task && <span className="muted"> · {pick(task.title, locale, task.stateId)}</span>}
                {e.outcome && (
                  <span className="tag tag-outcome">
                    {outcome ? pick(outcome.label, locale, e.outcome) : e.outcome}
                  </span>
                )}
              </div>
              <time className="muted small" dateTime={e.at}>
                {formatDateTime(locale, e.at)}
              </time>
              {e.comment && <blockquote className="event-comment">{e.comment}</blockquote>}
              {showHashes && (
                <code className="hash small" title={`${t('case.hash')}: ${e.hash}`}>
                  #{e.seq} {e.hash.slice(0, 16)}…
                </code>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
