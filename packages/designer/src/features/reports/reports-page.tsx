import type { ReportDashboard, ReportTable } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import { type ReactNode, useMemo, useState } from 'react';
import { api } from '../../api/endpoints';
import { ApiError } from '../../api/http';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { durationChart, flowChart, openChart, outcomeChart, rowsHeight } from './chart-options';
import { ReportChart } from './report-chart';
import { reportNames } from './report-labels';
import { ExportLinks, FigureTable } from './report-table';
import { formatMinutes, reportsText } from './reports-text';

const PERIODS = [4, 12, 26, 52];
const TOP_PEOPLE = 10;

/** The dashboards: cases per week, cycle times, open work, slowest steps, outcomes; each exportable. */
export default function ReportsPage() {
  const { locale } = useI18n();
  const [weeks, setWeeks] = useState(12);
  const dashboard = useAsync(() => api.reportDashboard(weeks), String(weeks));
  const rt = (key: Parameters<typeof reportsText>[1], params?: Record<string, string | number>) =>
    reportsText(locale, key, params);
  return (
    <div className="page page-reports">
      <div className="report-head">
        <h1>{rt('title')}</h1>
        <label className="report-period">
          {rt('weeks')}{' '}
          <select value={weeks} onChange={(e) => setWeeks(Number(e.target.value))}>
            {PERIODS.map((n) => (
              <option key={n} value={n}>
                {rt('weeksN', { n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted">{rt('intro')}</p>
      {dashboard.loading && !dashboard.data && <Loading />}
      {dashboard.error instanceof ApiError && dashboard.error.status === 403 ? (
        <p role="alert" className="status status-error">
          {rt('forbidden')}
        </p>
      ) : (
        dashboard.error !== undefined && <ErrorState error={dashboard.error} onRetry={dashboard.reload} />
      )}
      {dashboard.data && <Figures d={dashboard.data} locale={locale} weeks={weeks} />}
    </div>
  );
}

function Figures({ d, locale, weeks }: { d: ReportDashboard; locale: Locale; weeks: number }) {
  const names = useMemo(() => reportNames(d, locale), [d, locale]);
  const rt = (key: Parameters<typeof reportsText>[1]) => reportsText(locale, key);
  const cases = d.cycleTimes.filter((r) => r.stateId === null);
  const steps = d.cycleTimes.filter((r) => r.stateId !== null);
  const stepLabel = (r: { definitionKey: string; stateId: string | null }) =>
    `${names.process(r.definitionKey)} · ${names.step(r.definitionKey, r.stateId)}`;
  const people = d.openByPerson.slice(0, TOP_PEOPLE);
  const charts = {
    flow: flowChart(d, locale),
    cycle: durationChart(cases, (r) => names.process(r.definitionKey), locale),
    slowest: durationChart(d.slowestSteps, stepLabel, locale),
    unit: openChart(
      d.openByUnit,
      d.openByUnit.map((r) => names.unit(r.unit)),
      locale,
    ),
    person: openChart(
      people,
      people.map((r) => names.person(r.assignee)),
      locale,
    ),
    outcomes: outcomeChart(d, names, locale),
  };
  const duration = (m: number) => formatMinutes(locale, m);
  const asOf = reportsText(locale, 'asOf', { time: formatDateTime(locale, d.asOf) });
  const durationRows = (list: ReportDashboard['cycleTimes'], withStep: boolean) =>
    list.map((r) => [
      names.process(r.definitionKey),
      ...(withStep ? [names.step(r.definitionKey, r.stateId)] : []),
      r.count,
      duration(r.p50Minutes),
      duration(r.p90Minutes),
    ]);
  const section = (table: ReportTable, title: string, body: ReactNode, empty: boolean) => (
    <section className="report-card" aria-labelledby={`report-${table}`}>
      <div className="report-card-head">
        <h2 id={`report-${table}`}>{title}</h2>
        <ExportLinks table={table} what={title} locale={locale} weeks={weeks} />
      </div>
      {empty ? <Empty>{rt('noData')}</Empty> : body}
    </section>
  );
  const flowRows = d.caseFlow.map((r) => [
    r.week,
    names.process(r.definitionKey),
    names.unit(r.unit),
    r.started,
    r.ended,
  ]);
  return (
    <div className="report-grid">
      {section(
        'caseFlow',
        rt('flow'),
        <>
          <ReportChart option={charts.flow} height={240} label={rt('flow')} />
          <FigureTable
            caption={rt('flow')}
            headers={[rt('week'), rt('process'), rt('unit'), rt('started'), rt('ended')]}
            rows={flowRows}
          />
        </>,
        d.caseFlow.length === 0,
      )}
      {section(
        'cycleTimes',
        rt('cycle'),
        <>
          <ReportChart option={charts.cycle} height={rowsHeight(cases.length)} label={rt('cycle')} />
          <FigureTable
            caption={rt('cycle')}
            headers={[rt('process'), rt('count'), 'P50', 'P90']}
            rows={durationRows(cases, false)}
          />
          <h3>{rt('steps')}</h3>
          <FigureTable
            caption={rt('steps')}
            headers={[rt('process'), rt('step'), rt('count'), 'P50', 'P90']}
            rows={durationRows(steps, true)}
          />
        </>,
        d.cycleTimes.length === 0,
      )}
      {section(
        'slowestSteps',
        rt('slowest'),
        <>
          <ReportChart
            option={charts.slowest}
            height={rowsHeight(d.slowestSteps.length)}
            label={rt('slowest')}
          />
          <FigureTable
            caption={rt('slowest')}
            headers={[rt('process'), rt('step'), rt('count'), 'P50', 'P90']}
            rows={durationRows(d.slowestSteps, true)}
          />
        </>,
        d.slowestSteps.length === 0,
      )}
      {section(
        'openByUnit',
        rt('byUnit'),
        <>
          <ReportChart option={charts.unit} height={rowsHeight(d.openByUnit.length)} label={rt('byUnit')} />
          <FigureTable
            caption={rt('byUnit')}
            headers={[rt('unit'), rt('open'), rt('overdue')]}
            rows={d.openByUnit.map((r) => [names.unit(r.unit), r.open, r.overdue])}
          />
          <p className="muted small">{asOf}</p>
        </>,
        d.openByUnit.length === 0,
      )}
      {section(
        'openByPerson',
        rt('byPerson'),
        <>
          <ReportChart option={charts.person} height={rowsHeight(people.length)} label={rt('byPerson')} />
          <FigureTable
            caption={rt('byPerson')}
            headers={[rt('person'), rt('open'), rt('overdue')]}
            rows={d.openByPerson.map((r) => [names.person(r.assignee), r.open, r.overdue])}
          />
          <p className="muted small">{asOf}</p>
        </>,
        d.openByPerson.length === 0,
      )}
      {section(
        'outcomes',
        rt('outcomes'),
        <>
          <ReportChart
            option={charts.outcomes}
            height={rowsHeight(new Set(d.outcomes.map((r) => r.definitionKey)).size)}
            label={rt('outcomes')}
          />
          <FigureTable
            caption={rt('outcomes')}
            headers={[rt('process'), rt('finalState'), rt('verdict'), rt('count')]}
            rows={d.outcomes.map((r) => [
              names.process(r.definitionKey),
              r.finalState ? names.step(r.definitionKey, r.finalState) : rt('none'),
              rt(r.verdict),
              r.count,
            ])}
          />
          <p className="muted small">{rt('outcomeNote')}</p>
        </>,
        d.outcomes.length === 0,
      )}
      {section('cases', rt('cases'), null, false)}
    </div>
  );
}
