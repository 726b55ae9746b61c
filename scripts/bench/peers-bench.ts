// The same approval flow (submit, review, an exclusive choice on the amount, a parallel pair of
// opinions, approve: five completed tasks per case for a large amount) in bpmn-engine and in
// Flowform, in one process and run. (a) In memory: CPU per completed task (bpmn-engine executing
// and signalling its user tasks; Flowform's pure step with form validation; XState's own
// `transition()` on the same shape as the floor). (b) Durable, one client: each engine writes its
// state to PostgreSQL per completed task (bpmn-engine's getState() as JSON in one row per case,
// upserted; Flowform's runtime). Prints figures, then one JSON line. `--quick`: fewer cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CaseSnapshot,
  createFormValidator,
  type DirectorySeed,
  InMemoryDirectory,
  step,
} from '@flowform/engine';
import { AuditKey, CaseRuntime, openDatabase, replaceDirectory } from '@flowform/runtime';
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import { sql } from 'kysely';
import pg from 'pg';
import { assign, createMachine, initialTransition, transition } from 'xstate';
import { databaseUrl, median, recreateDatabase, round, SERVER_URL } from './bench-support';
import { LARGE_AMOUNT, peersApprovalBundle as bundle, peersTaskData } from './peers-approval-bundle';

const DB = 'flowform_bench_peers';
const TASKS_PER_CASE = 5;
const AMOUNT = 50_000;
const text = (s: string) => ({ 'zh-CN': s, en: s });
const seed: DirectorySeed = {
  users: [{ username: 'u1', displayName: text('用户') }],
  units: [{ id: 'd', kind: 'district', name: text('区'), parent: null }],
  memberships: [{ username: 'u1', role: 'worker', unit: 'd' }],
  contracts: [],
};
const services = { isLarge: (amount: number) => amount > LARGE_AMOUNT };

type Waiting = { id: string; signal(message?: unknown): void };
type Execution = { getPostponed(): Waiting[]; state?: string };

/** bpmn-engine: one engine per case from the once-parsed definitions; signals each waiting user task. */
async function bpmnCase(moddleContext: unknown, n: number, afterTask?: (engine: Engine) => Promise<void>) {
  const engine = new Engine({ name: `case-${n}`, moddleContext: moddleContext as never, services });
  const execution = (await engine.execute({ variables: { amount: AMOUNT } })) as unknown as Execution;
  let done = 0;
  for (;;) {
    const waiting = execution.getPostponed().filter((a) => a.id !== 'approval');
    const task = waiting.find((a) =>
      ['submit', 'review', 'financeOpinion', 'legalOpinion', 'approve'].includes(a.id),
    );
    if (!task) break;
    task.signal({ form: peersTaskData(done, AMOUNT) });
    done += 1;
    if (afterTask) await afterTask(engine);
  }
  if (done !== TASKS_PER_CASE) throw new Error(`bpmn-engine case completed ${done} tasks`);
}

/** XState's own `transition()` on a machine of the same shape (the floor: no forms, no tasks). */
function xstateMachine() {
  return createMachine({
    types: {} as {
      context: { amount: number };
      events: { type: 'done'; amount?: number } | { type: 'financeDone' } | { type: 'legalDone' };
    },
    context: { amount: 0 },
    initial: 'submit',
    states: {
      submit: {
        on: { done: { target: 'review', actions: assign({ amount: ({ event }) => event.amount ?? 0 }) } },
      },
      review: { on: { done: 'byAmount' } },
      byAmount: {
        always: [
          { target: 'opinions', guard: ({ context }) => context.amount > LARGE_AMOUNT },
          { target: 'approve' },
        ],
      },
      opinions: {
        type: 'parallel',
        states: {
          finance: {
            initial: 'asking',
            states: { asking: { on: { financeDone: 'given' } }, given: { type: 'final' } },
          },
          legal: {
            initial: 'asking',
            states: { asking: { on: { legalDone: 'given' } }, given: { type: 'final' } },
          },
        },
        onDone: 'approve',
      },
      approve: { on: { done: 'approved' } },
      approved: { type: 'final' },
    },
  });
}

function xstateCase(machine: ReturnType<typeof xstateMachine>) {
  let [snapshot] = initialTransition(machine);
  for (const event of [
    { type: 'done', amount: AMOUNT },
    { type: 'done' },
    { type: 'financeDone' },
    { type: 'legalDone' },
    { type: 'done' },
  ] as const) {
    [snapshot] = transition(machine, snapshot, event as never);
  }
  if (snapshot.status !== 'done') throw new Error('xstate case did not finish');
}

/** Flowform's pure step: start, then complete each open task with its validated form. */
function flowformCase(opts: (n: number) => Parameters<typeof step>[3], n: number) {
  let snapshot: CaseSnapshot = step(
    bundle,
    undefined,
    { type: 'start', instanceId: `c${n}`, data: {} },
    opts(0),
  ).snapshot;
  let done = 0;
  while (snapshot.tasks.length > 0) {
    const task = snapshot.tasks[0]!;
    snapshot = step(
      bundle,
      snapshot,
      { type: 'complete', taskId: task.id, outcome: 'done', data: peersTaskData(done, AMOUNT) },
      opts(done + 1),
    ).snapshot;
    done += 1;
  }
  if (done !== TASKS_PER_CASE || snapshot.status !== 'completed')
    throw new Error(`flowform case: ${done} tasks, ${snapshot.status}`);
}

/** Median over `runs` of CPU µs per completed task, `cases` cases per run. */
async function cpuPerTask(
  runs: number,
  cases: number,
  one: (n: number) => void | Promise<void>,
): Promise<number> {
  for (let n = 0; n < Math.min(200, cases); n++) await one(n); // warm-up
  const perRun: number[] = [];
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    for (let n = 0; n < cases; n++) await one(n);
    const used = process.cpuUsage(before);
    perRun.push((used.user + used.system) / (cases * TASKS_PER_CASE));
  }
  return median(perRun);
}

/** Tasks per second and CPU µs per task of a durable loop at one client. */
async function durable(
  seconds: number,
  one: (n: number) => Promise<void>,
): Promise<{ tps: number; cpuUs: number }> {
  for (let n = 0; n < 20; n++) await one(n); // warm-up
  const before = process.cpuUsage();
  const started = performance.now();
  let cases = 0;
  while (performance.now() - started < seconds * 1000) await one(cases++);
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(before);
  return {
    tps: (cases * TASKS_PER_CASE) / elapsed,
    cpuUs: (used.user + used.system) / (cases * TASKS_PER_CASE),
  };
}

async function vacuum(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl(DB) });
  await client.connect();
  await client.query('vacuum analyze');
  await client.end();
}

export async function run(args: string[]): Promise<void> {
  const quick = args.includes('--quick');
  const cases = quick ? 300 : 1000;
  const runs = quick ? 3 : 5;
  const seconds = quick ? 4 : 10;
  const xml = readFileSync(join(import.meta.dirname, 'peers-approval.bpmn'), 'utf8');
  const moddleContext = await new BpmnModdle().fromXML(xml);

  // (a) In memory.
  const directory = new InMemoryDirectory(seed);
  const forms = createFormValidator();
  const opts = (n: number) => ({
    now: new Date(Date.UTC(2026, 11, 3) + n * 1000).toISOString(),
    actor: { username: 'u1' },
    directory,
    forms,
    locale: 'zh-CN' as const,
  });
  const machine = xstateMachine();
  const xstateUs = await cpuPerTask(runs, cases * 4, () => xstateCase(machine));
  const flowformUs = await cpuPerTask(runs, cases, (n) => flowformCase(opts, n));
  const bpmnUs = await cpuPerTask(runs, Math.ceil(cases / 2), (n) => bpmnCase(moddleContext, n));
  console.log(
    `in memory, CPU per completed task: bpmn-engine ${round(bpmnUs, 1)} µs, Flowform step ${round(flowformUs, 1)} µs, XState transition() ${round(xstateUs, 1)} µs; bpmn-engine / Flowform = ${round(bpmnUs / flowformUs)}`,
  );

  // (b) Durable, one client, PostgreSQL.
  await recreateDatabase(DB);
  const open = await openDatabase({ url: databaseUrl(DB) });
  const runtime = new CaseRuntime({ db: open.db, auditKey: AuditKey.generate() });
  await replaceDirectory(open.db, seed);
  await runtime.definitions.publish(bundle, 'bench');
  await sql`create table bpmn_engine_state (id text primary key, state jsonb not null)`.execute(open.db);
  const pool = new pg.Pool({ connectionString: databaseUrl(DB), max: 1 });
  const upsert =
    'insert into bpmn_engine_state (id, state) values ($1, $2) on conflict (id) do update set state = excluded.state';
  let bpmnId = 0;
  const bpmnDurable = async () => {
    const id = `case-${bpmnId++}`;
    await bpmnCase(moddleContext, bpmnId, async (engine) => {
      await pool.query({
        name: 'bpmn-upsert',
        text: upsert,
        values: [id, JSON.stringify(await engine.getState())],
      });
    });
  };
  const flowformDurable = async () => {
    const started = await runtime.start({
      definitionKey: bundle.definition.key,
      data: {},
      actor: { username: 'u1' },
    });
    let tasks = started.tasks;
    let done = 0;
    while (tasks.length > 0) {
      const out = await runtime.execute(
        started.instanceId,
        { type: 'complete', taskId: tasks[0]!, outcome: 'done', data: peersTaskData(done, AMOUNT) },
        { username: 'u1' },
      );
      tasks = out.tasks;
      done += 1;
    }
    if (done !== TASKS_PER_CASE) throw new Error(`flowform durable case: ${done} tasks`);
  };
  const results = {
    bpmn: [] as { tps: number; cpuUs: number }[],
    flowform: [] as { tps: number; cpuUs: number }[],
  };
  for (let r = 0; r < (quick ? 1 : 3); r++) {
    await vacuum();
    results.bpmn.push(await durable(seconds, bpmnDurable));
    await vacuum();
    results.flowform.push(await durable(seconds, flowformDurable));
    const [b, f] = [results.bpmn.at(-1)!, results.flowform.at(-1)!];
    console.log(
      `durable run ${r + 1}: bpmn-engine ${round(b.tps, 0)} tasks/s (${round(b.cpuUs, 0)} µs Node CPU per task), Flowform ${round(f.tps, 0)} tasks/s (${round(f.cpuUs, 0)} µs); Flowform / bpmn-engine = ${round(f.tps / b.tps)}`,
    );
  }
  const stateBytes = await sql<{
    b: number;
  }>`select avg(octet_length(state::text))::int as b from bpmn_engine_state`.execute(open.db);
  await pool.end();
  await open.close();
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${DB} with (force)`);
  await admin.end();
  const med = (list: { tps: number; cpuUs: number }[], key: 'tps' | 'cpuUs') =>
    median(list.map((x) => x[key]));
  console.log(
    JSON.stringify({
      bench: 'peers',
      memory_us_per_task_bpmn_engine: round(bpmnUs, 1),
      memory_us_per_task_flowform: round(flowformUs, 1),
      memory_us_per_task_xstate: round(xstateUs, 1),
      memory_ratio: round(bpmnUs / flowformUs),
      durable_tps_bpmn_engine: round(med(results.bpmn, 'tps'), 0),
      durable_tps_flowform: round(med(results.flowform, 'tps'), 0),
      durable_ratio: round(med(results.flowform, 'tps') / med(results.bpmn, 'tps')),
      durable_cpu_us_per_task_bpmn_engine: round(med(results.bpmn, 'cpuUs'), 0),
      durable_cpu_us_per_task_flowform: round(med(results.flowform, 'cpuUs'), 0),
      durable_cpu_ratio: round(med(results.bpmn, 'cpuUs') / med(results.flowform, 'cpuUs')),
      bpmn_engine_state_bytes: stateBytes.rows[0]?.b ?? 0,
    }),
  );
}
