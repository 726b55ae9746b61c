import type { CaseView, TaskView } from '@flowform/api';
import { usePeople } from '../../api/people';
import { formatDateTime, formatList, formatRelative, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { isOverdue } from '../inbox/inbox-filter';
import { OriginFlag, OriginNote } from '../inbox/origin-flag';
import { TaskSubjectLine } from '../inbox/task-subject-line';

/** The case summary a leader reads first: process, step, who started it, when it is due. */
export function TaskSummary({ task, caseView }: { task: TaskView; caseView?: CaseView }) {
  const { t, locale } = useI18n();
  const overdue = isOverdue(task.dueAt, task.status);
  const person = usePeople([caseView?.initiator, task.assignee, task.delegatedBy, ...task.holders]);
  const holders = task.assignee ? [task.assignee] : task.holders;
  return (
    <section className="card summary" aria-labelledby="task-title">
      <p className="eyebrow">{pick(task.definitionName, locale, task.definitionKey)}</p>
      <h1 id="task-title">{pick(task.title, locale, task.stateId)}</h1>
      <TaskSubjectLine subject={task.subject} className="summary-subject" />
      {task.caseTitle && <p className="summary-case-title">{pick(task.caseTitle, locale)}</p>}
      {task.origin && task.status === 'open' && (
        <p className="origin-banner" role="note">
          <OriginFlag origin={task.origin} /> <OriginNote origin={task.origin} />
        </p>
      )}
      <div className="row-flags">
        {overdue && (
          <span className="flag flag-overdue">
            <span aria-hidden="true">⚠ </span>
            {t('inbox.overdue')}
          </span>
        )}
        {task.urged > 0 && (
          <span className="flag flag-urged">
            <span aria-hidden="true">» </span>
            {t('inbox.urged', { count: task.urged })}
          </span>
        )}
        {caseView?.confidential && (
          <span className="flag flag-confidential">🔒 {t('case.confidential')}</span>
        )}
      </div>
      <dl className="facts">
        {caseView && (
          <>
            <dt>{t('task.initiator')}</dt>
            <dd>{person(caseView.initiator, locale)}</dd>
            <dt>{t('task.startedAt')}</dt>
            <dd>{formatDateTime(locale, caseView.startedAt)}</dd>
          </>
        )}
        {task.dueAt && (
          <>
            <dt>{t('task.due')}</dt>
            <dd>
              {formatDateTime(locale, task.dueAt)}（{formatRelative(locale, task.dueAt)}）
            </dd>
          </>
        )}
        <dt>{t('task.holder')}</dt>
        <dd>
          {formatList(
            locale,
            holders.map((u) => person(u, locale)),
          )}
        </dd>
        {task.delegatedBy && (
          <>
            <dt>{t('task.delegatedBy')}</dt>
            <dd>{person(task.delegatedBy, locale)}</dd>
          </>
        )}
      </dl>
      <Link to={paths.case(task.instanceId)} className="small">
        {t('task.openCase')} →
      </Link>
    </section>
  );
}
