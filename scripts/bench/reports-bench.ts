// Dashboard reads at 1,000,000 tasks and 200,000 cases on PostgreSQL (reports-data.ts): each
// figure's query for an administrator (sees no confidential case) and a district leader (sees the
// 2,000 confidential ones), the viewer's visibility scope, the whole dashboard, and the refresh
// that keeps the summaries (in full once, then after bursts of 1,000 task changes). The data set
// is built once (minutes) and kept in `flowform_bench_reports`; `--rebuild` builds it again.
// Prints figures, then one JSON line.
import {
  freshReports,
  openTestServer,
  refreshReports,
  reportDashboard,
  refreshOpenSnapshot,
  reportFigures,
  reportViewer,
} from '@flowform/server/testing';
import { sql } from 'kysely';
import { databaseExists, databaseUrl, median, percentile, recreateDatabase, round } from './bench-support';
import { buildReportsData } from './reports-data';

const DB = 'flowform_bench_reports';
const RUNS = 200;
/** Tells this run's burst tasks from an earlier run's (the data set is kept between runs). */
const RUN = Date.now().toString(36);

type Server = Awaited<ReturnType<typeof openTestServer>>;

async function open(): Promise<Server> {
  return openTestServer({ target: { url: databaseUrl(DB), poolSize: 4 } });
}

async function build(): Promise<number> {
  await recreateDatabase(DB);
  const s = await open();
  await buildReportsData(s.ctx.runtime.db);
  await sql`vacuum analyze`.execute(s.ctx.db);
  console.log('first (full) refresh of the report summaries …');
  const t0 = performance.now();
  await refreshReports(s.ctx.db);
  const full = performance.now() - t0;
  await s.close();
  return full;
}

const stats = (ms: number[]) => ({ p50_ms: round(median(ms)), p99_ms: round(percentile(ms, 99)) });

async function time(run: (i: number) => Promise<unknown>, runs = RUNS): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return ms;
}

/** 1,000 task changes as commands would make them: 500 open tasks completed, 500 created. */
async function burst(s: Server, round: number): Promise<void> {
  await sql`update tasks set status = 'completed', ended_at = now() where id in (
    select id from tasks where status = 'open' order by id limit 500 offset ${round * 500})`.execute(
    s.ctx.db,
  );
  await sql`insert into tasks (id, instance_id, definition_key, state_id, title, status, assignee, created_at, due_at, urged, search)
    select 'n' || ${RUN} || '-' || ${round} || '-' || g, 'i' || (1 + (g * 397 + ${round}) % 200000), 'hardship-assistance', 'step1',
      '{"zh-CN":"审批","en":"Approve"}', 'open', null, now(), now() + interval '3 days', 0, ''
    from generate_series(1, 500) g`.execute(s.ctx.db);
}

export async function run(args: string[]): Promise<void> {
  let fullRefresh: number | undefined;
  if (args.includes('--rebuild') || !(await databaseExists(DB))) fullRefresh = await build();
  const s = await open();
  const counts = await sql<{ cases: number; tasks: number; confidential: number }>`
    select (select count(*)::int from instances) as cases, (select count(*)::int from tasks) as tasks,
      (select count(*)::int from instances where confidential) as confidential`.execute(s.ctx.db);
  console.log(`data: ${JSON.stringify(counts.rows[0])}`);
  const directory = await s.ctx.runtime.directoryAt();
  const as = (username: string) =>
    ({ username, directory, roles: directory.rolesOf(username), isAdmin: username === 'admin' }) as never;
  const users = { admin: as('admin'), leader1: as('leader1') };
  const t0 = performance.now();
  await refreshReports(s.ctx.db);
  const firstRefresh = performance.now() - t0;
  console.log(`refresh at start (in full when the summaries are empty): ${round(firstRefresh)} ms`);
  await sql`vacuum analyze`.execute(s.ctx.db);
  const viewers = {
    admin: await reportViewer(s.ctx, users.admin),
    leader1: await reportViewer(s.ctx, users.leader1),
  };
  console.log(
    `confidential processes counted whole: admin ${viewers.admin.wholeProcesses}, leader1 ${viewers.leader1.wholeProcesses}`,
  );
  const now = new Date().toISOString();
  const snapshotMs = await time(() => refreshOpenSnapshot(s.ctx.db, now), 5);
  console.log(`open-work snapshot (recomputed whole, background): ${round(median(snapshotMs))} ms`);
  const from = new Date(Date.now() - 12 * 7 * 24 * 3600_000).toISOString().slice(0, 10);
  // a viewer who may see all 2,000 confidential cases one by one (none of their processes whole)
  const secret = await sql<{ id: string }>`select id from instances where confidential`.execute(s.ctx.db);
  const byId = { username: 'someone', wholeProcesses: [], confidentialIds: secret.rows.map((r) => r.id) };
  const queries: Record<string, (v: (typeof viewers)['admin']) => Promise<unknown>> = {
    caseFlow: (v) => reportFigures.caseFlow(s.ctx.db, v, from),
    cycleTimes: (v) => reportFigures.cycleTimes(s.ctx.db, v),
    openByUnit: (v) => reportFigures.openByUnit(s.ctx.db, v, now),
    openByPerson: (v) => reportFigures.openByPerson(s.ctx.db, v, now),
    outcomes: (v) => reportFigures.outcomeCounts(s.ctx.db, v),
  };
  const result: Record<string, unknown> = { bench: 'reports', ...counts.rows[0] };
  const all = { admin: viewers.admin, leader1: viewers.leader1, byId };
  for (const [name, query] of Object.entries(queries)) {
    for (const who of ['admin', 'leader1', 'byId'] as const) {
      const figures = stats(await time(() => query(all[who])));
      result[`${name}_${who}`] = figures;
      console.log(`${name} (${who}): p50 ${figures.p50_ms} ms, p99 ${figures.p99_ms} ms`);
    }
  }
  for (const who of ['admin', 'leader1'] as const) {
    const scope = stats(await time(() => reportViewer(s.ctx, users[who]), 50));
    result[`visibility_${who}`] = scope;
    console.log(`visibility scope (${who}): p50 ${scope.p50_ms} ms, p99 ${scope.p99_ms} ms`);
    // as the reports worker keeps them: figures refreshed less than 30 s ago
    await freshReports(s.ctx.db, new Date().toISOString(), 0);
    const whole = stats(await time(() => reportDashboard(s.ctx, users[who], 12), 50));
    result[`dashboard_${who}`] = whole;
    console.log(
      `whole dashboard request (${who}: visibility scope, figures, names): p50 ${whole.p50_ms} ms, p99 ${whole.p99_ms} ms`,
    );
  }
  const refreshMs: number[] = [];
  const tickMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    await burst(s, i);
    let t0 = performance.now();
    await refreshReports(s.ctx.db);
    refreshMs.push(performance.now() - t0);
    await burst(s, 10 + i);
    t0 = performance.now();
    await freshReports(s.ctx.db, new Date().toISOString(), 0);
    tickMs.push(performance.now() - t0);
  }
  result.refresh_after_1000_task_changes = stats(refreshMs);
  result.worker_tick_after_1000_task_changes = stats(tickMs);
  result.open_snapshot_ms = round(median(snapshotMs));
  console.log(
    `incremental refresh after 1,000 task changes: p50 ${round(median(refreshMs))} ms, max ${round(Math.max(...refreshMs))} ms`,
  );
  console.log(
    `reports worker tick (refresh + open-work snapshot) after 1,000 task changes: p50 ${round(median(tickMs))} ms, max ${round(Math.max(...tickMs))} ms`,
  );
  result.refresh_at_start_ms = round(fullRefresh ?? firstRefresh);
  await s.close();
  console.log(JSON.stringify(result));
}
