import { useState } from 'react';
import { api } from '../../api/endpoints';
import { usePeople } from '../../api/people';
import { formatDateTime, formatList, formatRelative, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { takeFlash } from '../../state/flash';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { useMe } from '../../state/session';
import { CaseStatus } from '../../ui/case-status';
import { Banner, useErrorText } from '../../ui/status-views';
import { LifecycleActions } from '../lifecycle/lifecycle-actions';
import { lifecycleText } from '../lifecycle/lifecycle-messages';
import { SuspendedFlag, SuspensionNotice } from '../lifecycle/suspension-notice';
import { TaskSubjectLine } from '../inbox/task-subject-line';
import { CancelCase } from './cancel-case';
import { CaseDiagram } from './case-diagram';
import { NextTimerLine } from './next-timer';
import type { LoadedCase } from './load-case';
import { StepRecords } from '../../forms/step-records';
import { Timeline } from './timeline';
import { VoteTally } from './vote-tally';

/** The whole case as the viewer may see it. */
export function CaseView({
  loaded,
  reload,
  updates,
}: {
  loaded: LoadedCase;
  reload: () => void;
  updates: number;
}) {
  const { t, locale } = useI18n();
  const me = useMe();
  const errorText = useErrorText();
  const [flash] = useState(takeFlash);
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string }>();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const { caseView: c, history, definition, tasks } = loaded;
  const person = usePeople([c.initiator, ...c.tasks.flatMap((task) => task.holders)]);
  const withdraw = () =>
    api.withdraw(c.id).then(
      () => {
        setNotice({ kind: 'success', text: t('case.withdrawn') });
        reload();
      },
      (error: unknown) => setNotice({ kind: 'error', text: errorText(error) }),
    );
  return (
    <div className="page page-case" data-updates={updates}>
      {flash && <Banner kind="success">{flash}</Banner>}
      {notice && <Banner kind={notice.kind}>{notice.text}</Banner>}
      <section className="card summary" aria-labelledby="case-title">
        <p className="eyebrow">
          {t('case.title')} · {c.caseNumber ?? c.id}
        </p>
        <h1 id="case-title">{pick(c.name, locale, c.definitionKey)}</h1>
        <div className="row-flags">
          <CaseStatus status={c.status} outcome={c.outcome} />
          {c.confidential && <span className="flag flag-confidential">🔒 {t('case.confidential')}</span>}
          {c.suspension && <SuspendedFlag />}
        </div>
        {c.suspension && <SuspensionNotice suspension={c.suspension} />}
        <dl className="facts">
          {c.caseNumber && (
            <>
              <dt>{t('case.number')}</dt>
              <dd className="case-number">{c.caseNumber}</dd>
            </>
          )}
          <dt>{t('task.initiator')}</dt>
          <dd>{person(c.initiator, locale)}</dd>
          <dt>{t('task.startedAt')}</dt>
          <dd>{formatDateTime(locale, c.startedAt)}</dd>
        </dl>
        <NextTimerLine timer={c.nextTimer} />
        <Link to={paths.casePrint(c.id)} className="btn btn-small no-print">
          {t('print.open')}
        </Link>{' '}
        <div className="case-actions">
          {(c.status === 'completed' || c.status === 'cancelled') && c.initiator === me.username && (
            <Link to={paths.startAgain(c.definitionKey, c.id)} className="btn">
              {t('case.again')}
            </Link>
          )}
          {c.withdrawable &&
            (confirmWithdraw ? (
              <span className="confirm-inline">
                <span>{t('case.withdraw.confirm')}</span>{' '}
                <button type="button" className="btn btn-primary" onClick={() => void withdraw()}>
                  {t('case.withdraw.yes')}
                </button>{' '}
                <button type="button" className="btn" onClick={() => setConfirmWithdraw(false)}>
                  {t('case.cancel.keep')}
                </button>
              </span>
            ) : (
              <button type="button" className="btn" onClick={() => setConfirmWithdraw(true)}>
                {t('case.withdraw')}
              </button>
            ))}
          {me.isAdmin && c.status === 'running' && (
            <LifecycleActions
              caseId={c.id}
              suspended={!!c.suspension}
              onDone={(action) => {
                setNotice({
                  kind: 'success',
                  text: lifecycleText(locale, `done.${action}`),
                });
                reload();
              }}
            />
          )}
          {c.cancellable && !me.isAdmin && (
            <CancelCase
              caseId={c.id}
              onCancelled={() => {
                setNotice({ kind: 'success', text: t('case.cancelled') });
                reload();
              }}
            />
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{t('case.openTasks')}</h2>
        {c.tasks.length === 0 ? (
          <p className="muted">{t('case.openTasks.none')}</p>
        ) : (
          <ul className="plain-list">
            {c.tasks.map((task) => (
              <li key={task.id}>
                <Link to={paths.task(task.id)}>{pick(task.title, locale, task.stateId)}</Link>
                {task.subject && ' '}
                <TaskSubjectLine subject={task.subject} className="case-task-subject" />
                <span className="muted">
                  {' '}
                  ·{' '}
                  {formatList(
                    locale,
                    task.holders.map((u) => person(u, locale)),
                  ) || '—'}
                </span>
                {task.dueAt && (
                  <span className="muted small">
                    {' '}
                    · {t('inbox.due.at', { date: formatRelative(locale, task.dueAt) })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {definition && (
        <section className="card" aria-labelledby="diagram-title">
          <h2 id="diagram-title">{t('case.diagram')}</h2>
          <CaseDiagram loaded={loaded} />
        </section>
      )}
      <section className="card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('case.timeline')}</h2>
        <Timeline history={history} tasks={tasks} showHashes={me.isAdmin} />
      </section>
      {(c.parentId || c.children.length > 0) && (
        <section className="card" aria-labelledby="related-title">
          <h2 id="related-title">{t('case.related')}</h2>
          <ul className="plain-list">
            {c.parentId && (
              <li>
                {t('case.parent')}: <Link to={paths.case(c.parentId)}>{c.parentId}</Link>
              </li>
            )}
            {c.children.map((child) => (
              <li key={child.id}>
                {t('case.child')}:{' '}
                {child.instanceId ? (
                  <Link to={paths.case(child.instanceId)}>{child.process}</Link>
                ) : (
                  child.process
                )}{' '}
                <span className="muted">({child.status})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <VoteTally votes={c.votes ?? []} />
      <section className="card" aria-labelledby="data-title">
        <h2 id="data-title">{t('case.data')}</h2>
        <StepRecords records={c.records} definition={definition} />
      </section>
      {c.attachments.length > 0 && (
        <section className="card" aria-labelledby="files-title">
          <h2 id="files-title">{t('case.attachments')}</h2>
          <ul className="plain-list">
            {c.attachments.map((a) => (
              <li key={a.id}>
                <a href={api.attachmentUrl(c.id, a.id)} download>
                  {a.filename}
                </a>{' '}
                <span className="muted small">
                  {a.uploadedBy} · {formatDateTime(locale, a.uploadedAt)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
