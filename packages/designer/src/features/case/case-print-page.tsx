import { usePeople } from '../../api/people';
import { formatDateTime, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { CaseStatus } from '../../ui/case-status';
import { ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { type LoadedCase, loadCase } from './load-case';
import { StepRecords } from '../../forms/step-records';

/** A case as a printed approval record (A4): header, each step's record, signatures, audit hash. */
export function CasePrintPage({ id }: { id: string }) {
  const { t } = useI18n();
  const loaded = useAsync(() => loadCase(id), id);
  if (loaded.error !== undefined)
    return (
      <div className="page">
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </div>
    );
  if (!loaded.data) return <Loading label={t('state.loading')} />;
  return <CasePrint loaded={loaded.data} />;
}

function CasePrint({ loaded }: { loaded: LoadedCase }) {
  const { t, locale } = useI18n();
  const { caseView: c, history, definition } = loaded;
  const person = usePeople([c.initiator, ...c.records.map((r) => r.actor)]);
  const last = history.entries.at(-1);
  const process = pick(c.name, locale, c.definitionKey);
  return (
    <article className="page print-sheet" aria-labelledby="print-title">
      <div className="print-actions no-print">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t('print.open')}
        </button>{' '}
        <Link to={paths.case(c.id)}>{t('print.back')}</Link>
      </div>
      <header className="print-header">
        <h1 id="print-title">{t('print.title', { process })}</h1>
        <dl className="facts">
          <dt>{t('print.case')}</dt>
          <dd>{c.id}</dd>
          <dt>{t('task.initiator')}</dt>
          <dd>{person(c.initiator, locale)}</dd>
          <dt>{t('task.startedAt')}</dt>
          <dd>{formatDateTime(locale, c.startedAt)}</dd>
          <dt>{t('print.status')}</dt>
          <dd>
            <CaseStatus status={c.status} outcome={c.outcome} />
          </dd>
        </dl>
      </header>
      <section aria-labelledby="print-records">
        <h2 id="print-records">{t('print.records')}</h2>
        <StepRecords records={c.records} definition={definition} />
      </section>
      <section aria-labelledby="print-signatures" className="print-signatures">
        <h2 id="print-signatures">{t('print.signatures')}</h2>
        <ul className="plain-list">
          {c.records.map((r) => (
            <li key={r.seq}>
              {t('print.signedBy', {
                step: pick(r.title, locale),
                person: person(r.actor, locale),
                at: formatDateTime(locale, r.at),
              })}
            </li>
          ))}
        </ul>
      </section>
      <footer className="print-footer small">
        {last && (
          <p>
            {t('print.hash')}: <code className="hash">{last.hash}</code>
          </p>
        )}
        <p className="muted">
          {t('print.printedAt', { at: formatDateTime(locale, new Date().toISOString()) })}
        </p>
      </footer>
    </article>
  );
}
