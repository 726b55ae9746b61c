import type { InboxItem, InboxScope } from '@flowform/api';
import type { LocalizedText } from '@flowform/engine/browser';
import { formatDateTime, formatRelative, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { CaseStatus } from '../../ui/case-status';
import { isDueSoon, isOverdue } from './inbox-filter';

/** One inbox row: title, process, dates; overdue and urged rows are marked with words and icons too. */
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
  const title = pick(item.title, locale, processName);
  const classes = ['row', overdue && 'row-overdue', item.urged > 0 && 'row-urged'].filter(Boolean).join(' ');
  return (
    <li className={classes}>
      <Link to={to} className="row-link" data-row="">
        <span className="row-main">
          <span className="row-title">{title}</span>
          <span className="row-process">
            {item.caseNumber ? `${processName} · ${item.caseNumber}` : processName}
          </span>
        </span>
        <span className="row-flags">
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
