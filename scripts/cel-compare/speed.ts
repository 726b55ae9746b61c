// Compile and evaluate times of typical Flowform expressions, per library. Median of repeated runs.
import { parse as bufParse, plan as bufPlan, celEnv } from '@bufbuild/cel';
import { createCelEnvironment } from '@flowform/engine';
import { Environment } from '@marcbachmann/cel-js';
import { evaluate as celJsEvaluate, parse as celJsParse } from 'cel-js';

/** Typical guards, assignments and due dates from the shipped processes. */
export const TYPICAL = [
  'data.amount > 5000.0 && data.category == "travel"',
  '"manager" in actor.roles && data.tags.exists(t, t == "urgent")',
  'data.lines.map(l, l.cost).exists(c, c > 100.0) || size(data.title) > 20',
  'timestamp(data.submittedAt) + duration("72h") < now',
];

const schema = {
  type: 'object',
  properties: {
    amount: { type: 'number' },
    category: { type: 'string' },
    title: { type: 'string' },
    submittedAt: { type: 'string', format: 'date-time' },
    tags: { type: 'array', items: { type: 'string' } },
    lines: { type: 'array', items: { type: 'object', properties: { cost: { type: 'number' } } } },
  },
};
const data = {
  amount: 6200.5,
  category: 'travel',
  title: 'Conference in Lyon',
  submittedAt: '2024-05-01T08:00:00Z',
  tags: ['urgent', 'q2'],
  lines: [{ cost: 80 }, { cost: 140 }],
};
const actor = { username: 'ann', roles: ['manager'], units: ['sales'] };
const now = '2024-05-06T08:00:00Z';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Microseconds per call: median over batches. */
function measure(fn: () => unknown, calls = 200, batches = 15): number {
  for (let i = 0; i < calls * 10; i++) fn();
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) fn();
    samples.push(((performance.now() - start) * 1000) / calls);
  }
  return median(samples);
}

interface Candidate {
  name: string;
  /** A fresh environment, for libraries that cache compiled sources in one. */
  setup?: () => unknown;
  compile: (source: string, fresh?: unknown) => unknown;
  run: (compiled: unknown) => unknown;
}

function candidates(): Candidate[] {
  const mapOf = (o: object): Map<string, unknown> =>
    new Map(
      Object.entries(o).map(([k, v]) => [
        k,
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? mapOf(v)
          : Array.isArray(v)
            ? v.map((x) => (typeof x === 'object' ? mapOf(x) : x))
            : v,
      ]),
    );
  const flowform = createCelEnvironment({ caseSchema: schema });
  const marcBase = new Environment()
    .registerVariable('data', 'map')
    .registerVariable('actor', 'map')
    .registerVariable('now', 'google.protobuf.Timestamp');
  const marcVars = { data, actor, now: new Date(now) };
  const env = celEnv();
  const bufVars = { data: mapOf(data), actor: mapOf(actor) };
  return [
    {
      name: 'flowform engine (cel-js check + @bufbuild/cel eval)',
      // The engine caches compiled sources per environment: each compile gets a fresh one, whose
      // own cost is measured apart and subtracted (see `setup`).
      setup: () => createCelEnvironment({ caseSchema: schema }),
      compile: (s, fresh) => ((fresh as typeof flowform | undefined) ?? flowform).compile(s),
      run: (c) => (c as ReturnType<typeof flowform.compile>).evaluate({ data, actor, now }),
    },
    {
      name: '@marcbachmann/cel-js (parse + check)',
      // cel-js caches parsed sources per environment: likewise a fresh clone per compile.
      setup: () => marcBase.clone(),
      compile: (s, fresh) => {
        const p = ((fresh as Environment | undefined) ?? marcBase.clone()).parse(s);
        p.check();
        return p;
      },
      run: (c) => (c as (v: unknown) => unknown)(marcVars),
    },
    {
      name: '@bufbuild/cel (parse + plan, unchecked)',
      compile: (s) => bufPlan(env, bufParse(s.replace(/ < now$/, ' < timestamp("2024-05-06T08:00:00Z")'))),
      run: (c) => (c as (v: unknown) => unknown)(bufVars),
    },
    {
      name: 'cel-js (parse, unchecked)',
      compile: (s) => celJsParse(s),
      run: (c) => {
        const parsed = c as ReturnType<typeof celJsParse>;
        return parsed.isSuccess ? celJsEvaluate(parsed.cst, { data, actor, now }) : undefined;
      },
    },
  ];
}

/** Prints compile and evaluate µs per library and expression. */
export function printSpeed(): void {
  console.log('\ncompile / evaluate, µs per call (median):');
  for (const candidate of candidates()) {
    const cells = TYPICAL.map((source) => {
      let compiled: unknown;
      try {
        compiled = candidate.compile(source);
        const { setup } = candidate;
        const compileUs = setup
          ? measure(() => candidate.compile(source, setup()), 20) - measure(setup, 20)
          : measure(() => candidate.compile(source), 20);
        const runUs = measure(() => candidate.run(compiled));
        return `${compileUs.toFixed(0)} / ${runUs.toFixed(1)}`;
      } catch (error) {
        return `fails (${String(error).slice(0, 40)})`;
      }
    });
    console.log(`  ${candidate.name}`);
    for (const [i, source] of TYPICAL.entries()) console.log(`    ${cells[i]!.padEnd(22)} ${source}`);
  }
}
