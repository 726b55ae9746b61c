import type { InboxItem, InboxScope } from '@flowform/api';
import type { LocalizedText } from '@flowform/engine/browser';
import { formatDateTime, formatRelative, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { CaseStatus } from '../../ui/case-status';
import { isDueSoon, isOverdue } from './inbox-filter';
import { SuspendedFlag } from '../lifecycle/suspension-notice';
import { OriginFlag, OriginNote } from './origin-flag';
import { TaskSubjectLine } from './task-subject-line';

/**
 * One inbox row: the case's title (applicant, subject, amount), what the task works on (the cadre a
 * rater scores), the step and process, who started it and where, dates; 被退回 / 委派 / 加签 with who and why; overdue and urged rows are marked with
 * words and icons too.
 */
export function InboxRow({
  item,
  scope,
  process,
}: {
  item: InboxItem;
  scope: InboxScope;
  process?: LocalizedText;
}) {
  const { t, locale } = useI18n();
  const overdue = isOverdue(item.dueAt, item.status);
  const soon = !overdue && isDueSoon(item.dueAt, item.status);
  const to = item.taskId && scope !== 'cc' ? paths.task(item.taskId) : paths.case(item.instanceId);
  const processName = pick(process, locale, item.definitionKey);
  const step = item.title ? pick(item.title, locale, processName) : undefined;
  // The case's own title (applicant, subject, amount) leads; the step and process follow.
  const title = item.caseTitle ? pick(item.caseTitle, locale) : (step ?? processName);
  const context = item.caseTitle && step ? `${step} · ${processName}` : processName;
  const initiator = item.initiator && pick(item.initiator.name, locale, item.initiator.username);
  const classes = ['row', overdue && 'row-overdue', item.urged > 0 && 'row-urged'].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <Link to={to} className="row-link" data-row="">
        <span className="row-main">
          <span className="row-title">{title}</span>
          <TaskSubjectLine subject={item.subject} className="row-subject" />
          <span className="row-process">{item.caseNumber ? `${context} · ${item.caseNumber}` : context}</span>
          {item.origin && scope === 'todo' && <OriginNote origin={item.origin} className="row-origin" />}
        </span>
        <span className="row-flags">
          {item.suspended && <SuspendedFlag />}
          {item.origin && scope === 'todo' && <OriginFlag origin={item.origin} />}
          {item.caseOutcome && <CaseStatus status={item.status} outcome={item.caseOutcome} />}
          {overdue && (
            <span className="flag flag-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('inbox.overdue')}
            </span>
          )}
          {soon && (
            <span className="flag flag-soon">
              <span aria-hidden="true">◷ </span>
              {t('inbox.dueSoon')}
            </span>
          )}
          {item.urged > 0 && (
            <span className="flag flag-urged">
              <span aria-hidden="true">» </span>
              {t('inbox.urged', { count: item.urged })}
            </span>
          )}
        </span>
        <span className="row-meta muted">
          {initiator && (
            <span className="row-initiator">
              {t('inbox.initiatedBy', { name: initiator })}
              {item.unit && ` · ${pick(item.unit.name, locale, item.unit.id)}`}
            </span>
          )}
          {scope === 'done' ? (
            <span>{t('inbox.doneAt', { date: formatDateTime(locale, item.sortAt) })}</span>
          ) : (
            <span>{t('inbox.received', { date: formatDateTime(locale, item.createdAt) })}</span>
          )}
          {item.dueAt && scope === 'todo' && (
            <span title={formatDateTime(locale, item.dueAt)}>
              {t('inbox.due.at', { date: formatRelative(locale, item.dueAt) })}
            </span>
          )}
        </span>
      </Link>
    </li>
  );
}
