/** Runs a conformance case through the engine's own CEL environment API (checker + evaluator + caps). */
import { createCelEnvironment } from '../cel-environment';
import { ExpressionError } from '../expression-error';
import type { ConformanceCase } from './cel-spec-cases';
import type { Outcome } from './conformance-run';

/** Compile-time refusals counted as "not supported" rather than as failures. */
const UNSUPPORTED = new Set(['cel-unsupported', 'cel-ambiguous', 'cel-dyn', 'cel-too-large']);

/** Declarations become environment variables; bindings are passed exactly (typed). */
export function engineAdapter(c: ConformanceCase): Outcome {
  const env = createCelEnvironment({ caseSchema: { type: 'object' }, declarations: c.declarations });
  let compiled: ReturnType<typeof env.compile>;
  try {
    compiled = env.compile(c.expr);
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return {
      kind: 'error',
      phase: 'compile',
      message: `${error.code}: ${error.message}`,
      unsupported: UNSUPPORTED.has(error.code),
    };
  }
  try {
    return {
      kind: 'value',
      value: compiled.evaluateTyped({ data: {}, now: '2024-01-01T00:00:00Z', declared: c.bindings }),
    };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { kind: 'error', phase: 'evaluate', message: `${error.reason}: ${error.message}` };
  }
}
