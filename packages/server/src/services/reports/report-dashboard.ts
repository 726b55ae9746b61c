import type { ReportDashboard } from '@flowform/api';
import type { AuthUser } from '../../http/app-env';
import type { ServerContext } from '../../server-context';
import { caseFlow, cycleTimes, openByPerson, openByUnit, outcomeCounts } from './report-figures';
import { reportLabels } from './report-labels';
import { freshReports } from './report-freshness';
import { reportViewer, requireReportViewer } from './report-viewer';
import { declaredOutcomes, outcomeVerdict } from './outcome-verdict';

const SLOWEST = 10;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The Mondays (UTC) of the last `count` weeks up to the one holding `now`, oldest first. */
export function lastWeeks(now: string, count: number): string[] {
  const day = new Date(`${now.slice(0, 10)}T00:00:00Z`);
  const monday = day.getTime() - ((day.getUTCDay() + 6) % 7) * 24 * 3600 * 1000;
  return Array.from({ length: count }, (_, i) =>
    new Date(monday - (count - 1 - i) * WEEK_MS).toISOString().slice(0, 10),
  );
}

/** Every dashboard figure for a viewer (403 unless administrator or district leader). */
export async function reportDashboard(
  ctx: ServerContext,
  user: AuthUser,
  weekCount: number,
): Promise<ReportDashboard> {
  requireReportViewer(user);
  const now = ctx.clock();
  const asOf = await freshReports(ctx.db, now);
  // after the refresh: every case the summaries hold is among those the viewer's scope checks
  const viewer = await reportViewer(ctx, user);
  const weeks = lastWeeks(now, weekCount);
  const [flow, cycles, byUnit, byPerson, outcomes] = [
    await caseFlow(ctx.db, viewer, weeks[0]!),
    await cycleTimes(ctx.db, viewer),
    await openByUnit(ctx.db, viewer, asOf),
    await openByPerson(ctx.db, viewer, asOf),
    await outcomeCounts(ctx.db, viewer),
  ];
  const used = {
    processes: new Set(
      [...flow, ...cycles].map((r) => r.definitionKey).concat(outcomes.map((r) => r.definition_key)),
    ),
    units: new Set([...flow.map((r) => r.unit), ...byUnit.map((r) => r.unit)]),
    people: new Set(byPerson.flatMap((r) => (r.assignee ? [r.assignee] : []))),
  };
  const labels = await reportLabels(ctx, user.directory, used);
  const declared = await declaredOutcomes(ctx, new Set(outcomes.map((r) => r.definition_key)));
  return {
    generatedAt: now,
    asOf,
    weeks,
    caseFlow: flow,
    cycleTimes: cycles,
    slowestSteps: cycles
      .filter((c) => c.stateId !== null)
      .sort((a, b) => b.p90Minutes - a.p90Minutes || b.p50Minutes - a.p50Minutes)
      .slice(0, SLOWEST),
    openByUnit: byUnit,
    openByPerson: byPerson,
    outcomes: outcomes.map((r) => ({
      definitionKey: r.definition_key,
      finalState: r.final_state,
      status: r.status as 'completed' | 'cancelled',
      verdict: outcomeVerdict(
        r.status,
        declared.get(`${r.definition_key}/${r.final_state}`),
        r.final_state,
        labels.states[`${r.definition_key}/${r.final_state}`],
      ),
      count: r.count,
    })),
    labels,
  };
}
