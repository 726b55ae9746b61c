import type { ReportDashboard, ReportTable } from '@flowform/api';

type Lang = 'zh-CN' | 'en';

/** A table as exported: localised column headers and rows of plain cells. */
export interface ExportTable {
  name: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const HEADERS: Record<Exclude<ReportTable, 'cases'>, { 'zh-CN': string[]; en: string[] }> = {
  caseFlow: {
    'zh-CN': ['周（周一）', '流程', '单位', '发起', '结束'],
    en: ['Week (Monday)', 'Process', 'Unit', 'Started', 'Ended'],
  },
  cycleTimes: {
    'zh-CN': ['流程', '步骤', '数量', 'P50（分钟）', 'P90（分钟）'],
    en: ['Process', 'Step', 'Count', 'P50 (minutes)', 'P90 (minutes)'],
  },
  slowestSteps: {
    'zh-CN': ['流程', '步骤', '数量', 'P50（分钟）', 'P90（分钟）'],
    en: ['Process', 'Step', 'Count', 'P50 (minutes)', 'P90 (minutes)'],
  },
  openByUnit: { 'zh-CN': ['单位', '待办', '逾期'], en: ['Unit', 'Open', 'Overdue'] },
  openByPerson: { 'zh-CN': ['办理人', '待办', '逾期'], en: ['Person', 'Open', 'Overdue'] },
  outcomes: {
    'zh-CN': ['流程', '结束状态', '结果', '数量'],
    en: ['Process', 'Final state', 'Verdict', 'Count'],
  },
};

const VERDICTS = {
  'zh-CN': {
    approved: '通过',
    rejected: '未通过',
    withdrawn: '已撤回',
    cancelled: '已取消',
    completed: '已办结',
  },
  en: {
    approved: 'Approved',
    rejected: 'Rejected',
    withdrawn: 'Withdrawn',
    cancelled: 'Cancelled',
    completed: 'Completed',
  },
};

const NONE = { 'zh-CN': '（无）', en: '(none)' };
const UNCLAIMED = { 'zh-CN': '（待认领）', en: '(not claimed)' };

/** A dashboard table with names instead of ids, in the viewer's language. */
export function dashboardTable(
  d: ReportDashboard,
  table: Exclude<ReportTable, 'cases'>,
  lang: Lang,
): ExportTable {
  const process = (key: string) => d.labels.processes[key]?.[lang] ?? key;
  const unit = (id: string) => (id ? (d.labels.units[id]?.[lang] ?? id) : NONE[lang]);
  const step = (key: string, state: string | null) =>
    state === null ? NONE[lang] : (d.labels.states[`${key}/${state}`]?.[lang] ?? state);
  const durations = (list: ReportDashboard['cycleTimes']) =>
    list.map((r) => [
      process(r.definitionKey),
      step(r.definitionKey, r.stateId),
      r.count,
      r.p50Minutes,
      r.p90Minutes,
    ]);
  const rows: Record<typeof table, ExportTable['rows']> = {
    caseFlow: d.caseFlow.map((r) => [r.week, process(r.definitionKey), unit(r.unit), r.started, r.ended]),
    cycleTimes: durations(d.cycleTimes),
    slowestSteps: durations(d.slowestSteps),
    openByUnit: d.openByUnit.map((r) => [unit(r.unit), r.open, r.overdue]),
    openByPerson: d.openByPerson.map((r) => [
      r.assignee ? (d.labels.people[r.assignee]?.[lang] ?? r.assignee) : UNCLAIMED[lang],
      r.open,
      r.overdue,
    ]),
    outcomes: d.outcomes.map((r) => [
      process(r.definitionKey),
      r.finalState ? step(r.definitionKey, r.finalState) : NONE[lang],
      VERDICTS[lang][r.verdict],
      r.count,
    ]),
  };
  return { name: table, headers: HEADERS[table][lang], rows: rows[table] };
}
