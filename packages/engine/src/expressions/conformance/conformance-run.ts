/**
 * Runs the applicable conformance cases through an adapter (the engine, or another CEL library in
 * the comparison script) and tallies: passed, refused as unsupported, wrong values, other failures.
 */
import { sameTypedValue, showTypedValue, type TypedValue } from '../typed-value';
import type { ConformanceCase } from './cel-spec-cases';

/** What an implementation did with one case. */
export type Outcome =
  | { kind: 'value'; value: TypedValue }
  /** `unsupported`: refused before evaluation with a "not supported" message. */
  | { kind: 'error'; phase: 'compile' | 'evaluate'; message: string; unsupported?: boolean };

/** Runs one case: compile with the declarations, evaluate with the bindings. */
export type ConformanceAdapter = (testCase: ConformanceCase) => Outcome;

type Verdict = 'passed' | 'unsupported' | 'wrong' | 'failed';

/** One case that neither passed nor was refused as unsupported. */
export interface Failure {
  id: string;
  expr: string;
  verdict: Verdict;
  detail: string;
}

/** The figures of one run. */
export interface ConformanceFigures {
  applicable: number;
  notApplicable: number;
  passed: number;
  unsupported: number;
  /** A value where another value, or an error, was expected. */
  wrong: number;
  /** An error where a value was expected (other than a refusal as unsupported). */
  failed: number;
  failures: Failure[];
  unsupportedIds: string[];
}

function judge(c: ConformanceCase, outcome: Outcome): [Verdict, string] {
  const want = c.expected;
  if (outcome.kind === 'error') {
    if (outcome.unsupported) return ['unsupported', outcome.message];
    if (want.kind === 'error') return ['passed', ''];
    return ['failed', `${outcome.phase} error: ${outcome.message}`];
  }
  if (want.kind === 'error') return ['wrong', `got ${showTypedValue(outcome.value)}, expected an error`];
  if (sameTypedValue(outcome.value, want.value)) return ['passed', ''];
  return ['wrong', `got ${showTypedValue(outcome.value)}, expected ${showTypedValue(want.value)}`];
}

function safely(adapter: ConformanceAdapter, c: ConformanceCase): Outcome {
  try {
    return adapter(c);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'error', phase: 'evaluate', message: `adapter threw: ${message}` };
  }
}

/** Runs every applicable case through the adapter. */
export function runConformance(
  cases: readonly ConformanceCase[],
  adapter: ConformanceAdapter,
): ConformanceFigures {
  const figures: ConformanceFigures = {
    applicable: 0,
    notApplicable: 0,
    passed: 0,
    unsupported: 0,
    wrong: 0,
    failed: 0,
    failures: [],
    unsupportedIds: [],
  };
  for (const c of cases) {
    if (c.notApplicable) {
      figures.notApplicable++;
      continue;
    }
    figures.applicable++;
    const [verdict, detail] = judge(c, safely(adapter, c));
    figures[verdict]++;
    if (verdict === 'unsupported') figures.unsupportedIds.push(`${c.id}: ${detail}`);
    if (verdict === 'wrong' || verdict === 'failed')
      figures.failures.push({ id: c.id, expr: c.expr, verdict, detail });
  }
  return figures;
}

/** One line of figures, e.g. for the test log and the comparison script. */
export function summarize(name: string, f: ConformanceFigures): string {
  const pct = f.applicable ? ((100 * f.passed) / f.applicable).toFixed(1) : '0';
  return (
    `${name}: applicable ${f.applicable}, passed ${f.passed} (${pct}%), ` +
    `refused as unsupported ${f.unsupported}, wrong ${f.wrong}, failed ${f.failed}`
  );
}
