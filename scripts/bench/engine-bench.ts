// Median CPU time per transition of the pure engine: restore a snapshot from JSON, validate a
// 20-field form, step, serialize the result. Prints figures, then one JSON line. Not a test.
import {
  type CaseSnapshot,
  createFormValidator,
  type DefinitionBundle,
  type DirectorySeed,
  InMemoryDirectory,
  step,
} from '@flowform/engine';

const text = (s: string) => ({ 'zh-CN': s, en: s });
const FIELDS = Array.from({ length: 20 }, (_, i) => `f${i}`);

function fieldSchema(i: number): Record<string, unknown> {
  if (i % 4 === 0) return { type: 'number', title: `数值${i}`, minimum: 0, maximum: 1e6 };
  if (i % 4 === 1) return { type: 'string', title: `日期${i}`, format: 'date' };
  if (i % 4 === 2) return { type: 'string', title: `选项${i}`, enum: ['甲', '乙', '丙'] };
  return { type: 'string', title: `文本${i}`, minLength: 1, maxLength: 200 };
}

function fieldValue(i: number, n: number): unknown {
  if (i % 4 === 0) return n % 1000;
  if (i % 4 === 1) return '2026-03-02';
  if (i % 4 === 2) return ['甲', '乙', '丙'][n % 3];
  return `第${n}次填写的内容`;
}

const properties = Object.fromEntries(FIELDS.map((f, i) => [f, fieldSchema(i)]));
const bundle: DefinitionBundle = {
  definition: {
    key: 'bench',
    name: text('基准'),
    description: text('基准'),
    caseSchema: { type: 'object', properties },
    starters: { kind: 'initiator' },
    machine: {
      initial: 'edit',
      states: {
        edit: {
          task: {
            title: text('填写'),
            form: 'bench.form',
            assignment: { kind: 'users', users: ['u1'] },
            outcomes: [
              { key: 'save', label: text('保存') },
              { key: 'finish', label: text('完成') },
            ],
          },
          on: {
            save: { target: 'edit', guard: { type: 'cel', params: { expr: 'data.f0 >= 0.0' } } },
            finish: 'done',
          },
        },
        done: { type: 'final' },
      },
    },
  },
  forms: {
    'bench.form': {
      key: 'bench.form',
      title: text('表单'),
      schema: { type: 'object', additionalProperties: false, required: FIELDS, properties },
    },
  },
};

const seed: DirectorySeed = {
  users: [
    { username: 'u1', displayName: text('用户') },
    { username: 'admin', displayName: text('管理员') },
  ],
  units: [{ id: 'd', kind: 'district', name: text('区'), parent: null }],
  memberships: [{ username: 'admin', role: 'administrator', unit: 'd' }],
  contracts: [],
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function run(args: string[]): Promise<void> {
  const iterations = Number(args.find((a) => a.startsWith('--iterations='))?.slice(13) ?? 20000);
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
  const directory = new InMemoryDirectory(seed);
  const forms = createFormValidator();
  const opts = (n: number) => ({
    now: new Date(Date.UTC(2026, 2, 2) + n * 1000).toISOString(),
    actor: { username: 'u1' },
    directory,
    forms,
    locale: 'zh-CN' as const,
  });
  const startData = Object.fromEntries(FIELDS.map((f, i) => [f, fieldValue(i, 0)]));
  let text0 = JSON.stringify(
    step(bundle, undefined, { type: 'start', instanceId: 'b1', data: startData }, opts(0)).snapshot,
  );
  const transition = (n: number) => {
    const snapshot = JSON.parse(text0) as CaseSnapshot;
    const data = Object.fromEntries(FIELDS.map((f, i) => [f, fieldValue(i, n)]));
    const taskId = snapshot.tasks[0]!.id;
    const result = step(bundle, snapshot, { type: 'complete', taskId, outcome: 'save', data }, opts(n));
    text0 = JSON.stringify(result.snapshot);
  };
  for (let n = 1; n <= 5000; n++) transition(n);
  const perRun: number[] = [];
  for (let r = 0; r < runs; r++) {
    const before = process.cpuUsage();
    for (let n = 0; n < iterations; n++) transition(n);
    const used = process.cpuUsage(before);
    const us = (used.user + used.system) / iterations;
    perRun.push(Number(us.toFixed(2)));
    console.log(`run ${r + 1}/${runs}: ${us.toFixed(2)} µs CPU per transition (${iterations} transitions)`);
  }
  const result = {
    bench: 'engine',
    us_per_transition: median(perRun),
    runs: perRun,
    iterations,
    snapshot_bytes: text0.length,
  };
  console.log(JSON.stringify(result));
}
