/** The answers of what-if, dry run and migration: one line per case. */
import type { DesignerText } from '../i18n/use-designer-text';
import type { MigrationReport, WhatIfAnswer } from '../api/designer-api';

type Verdict = WhatIfAnswer['cases'][number]['result'];

/** What one case's history would do on the other version, in words. */
export function verdictText(dt: DesignerText, v: Verdict): string {
  if (v.verdict === 'same') return dt('mig.same', { states: v.states.join('，') });
  if (v.verdict === 'different')
    return dt('mig.different', {
      actual: v.actual.states.join('，'),
      replayed: v.replayed.states.join('，'),
    });
  return dt('mig.refusedAt', { at: v.at, code: v.code, message: v.message });
}

const shortId = (id: string) => id.slice(0, 8);

export function WhatIfList({ answer, dt }: { answer: WhatIfAnswer; dt: DesignerText }) {
  return (
    <ul className="ff-mig-report" aria-label={dt('mig.whatIf')}>
      {answer.cases.map((c) => (
        <li key={c.instanceId} className={`ff-verdict-${c.result.verdict}`}>
          <code title={c.instanceId}>{shortId(c.instanceId)}</code> <span>{verdictText(dt, c.result)}</span>
        </li>
      ))}
    </ul>
  );
}

/** Who a re-created task went to, in words (the panel names people, roles and units). */
export type TaskHolders = (task: NonNullable<MigrationReport['cases'][number]['tasks']>[number]) => string;

export function MigrationList({
  report,
  dt,
  holders,
}: {
  report: MigrationReport;
  dt: DesignerText;
  holders: TaskHolders;
}) {
  return (
    <ul className="ff-mig-report" aria-label={dt('mig.mapping')}>
      {report.cases.map((c) => (
        <li key={c.instanceId} className={`ff-verdict-${c.status}`}>
          <code title={c.instanceId}>{shortId(c.instanceId)}</code>{' '}
          {c.status === 'moved' ? (
            <>
              <span>{dt('mig.moves', { from: c.from.join('，'), to: (c.to ?? []).join('，') })}</span>
              {c.tasks && c.tasks.length > 0 && (
                <span className="ff-muted">
                  {' '}
                  {dt('mig.holders', {
                    who: c.tasks.map(holders).join('，'),
                  })}
                </span>
              )}
              {c.whatIf && <span className="ff-muted ff-mig-whatif">{verdictText(dt, c.whatIf)}</span>}
            </>
          ) : c.status === 'refused' ? (
            <span className="ff-error">
              {dt('mig.cannot', { code: c.code ?? '', message: c.message ?? '' })}
            </span>
          ) : (
            <span className="ff-muted">{dt('mig.skipped')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
