import type { ReportDashboard } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import type { ReportNames } from './report-labels';
import { reportsText } from './reports-text';

/** An ECharts option object (typed loosely: ECharts checks its own). */
export type ChartOption = Record<string, unknown>;

const COLORS = { started: '#2f6fde', ended: '#2e9d62', p50: '#7aa7ef', p90: '#2f6fde', overdue: '#d9534f' };

/** Horizontal bars, one row per label: what reads best on a narrow phone. */
function rows(
  labels: string[],
  series: { name: string; data: number[]; color: string; stack?: string }[],
): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: s.data,
      itemStyle: { color: s.color },
      ...(s.stack ? { stack: s.stack } : {}),
    })),
  };
}

/** Cases started and ended per week, all processes and units together. */
export function flowChart(d: ReportDashboard, locale: Locale): ChartOption {
  const sum = (week: string, key: 'started' | 'ended') =>
    d.caseFlow.filter((r) => r.week === week).reduce((n, r) => n + r[key], 0);
  return {
    animation: false,
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: d.weeks.map((w) => w.slice(5)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: (['started', 'ended'] as const).map((key) => ({
      type: 'bar',
      name: reportsText(locale, key),
      data: d.weeks.map((w) => sum(w, key)),
      itemStyle: { color: COLORS[key] },
    })),
  };
}

/** p50 and p90 in hours per row of cycle times. */
export function durationChart(
  list: ReportDashboard['cycleTimes'],
  label: (r: (typeof list)[number]) => string,
  locale: Locale,
): ChartOption {
  const hours = (m: number) => Number((m / 60).toFixed(1));
  return rows(list.map(label), [
    { name: reportsText(locale, 'p50Hours'), data: list.map((r) => hours(r.p50Minutes)), color: COLORS.p50 },
    { name: reportsText(locale, 'p90Hours'), data: list.map((r) => hours(r.p90Minutes)), color: COLORS.p90 },
  ]);
}

/** Open and overdue tasks per unit or person. */
export function openChart(
  list: { open: number; overdue: number }[],
  labels: string[],
  locale: Locale,
): ChartOption {
  return rows(labels, [
    { name: reportsText(locale, 'open'), data: list.map((r) => r.open), color: COLORS.started },
    { name: reportsText(locale, 'overdue'), data: list.map((r) => r.overdue), color: COLORS.overdue },
  ]);
}

/** Cases per process by how they ended (approved, rejected, withdrawn, completed, cancelled), stacked. */
export function outcomeChart(d: ReportDashboard, names: ReportNames, locale: Locale): ChartOption {
  const keys = [...new Set(d.outcomes.map((r) => r.definitionKey))];
  const verdicts = [
    ['approved', COLORS.ended],
    ['rejected', COLORS.overdue],
    ['withdrawn', '#c58af9'],
    ['completed', '#4f9dde'],
    ['cancelled', '#9aa0a6'],
  ] as const;
  return rows(
    keys.map(names.process),
    verdicts.map(([verdict, color]) => ({
      name: reportsText(locale, verdict),
      color,
      stack: 'verdict',
      data: keys.map((key) =>
        d.outcomes
          .filter((r) => r.definitionKey === key && r.verdict === verdict)
          .reduce((n, r) => n + r.count, 0),
      ),
    })),
  );
}

/** Height for a chart of horizontal bars with `count` rows. */
export const rowsHeight = (count: number) => Math.max(160, 48 + count * 34);
