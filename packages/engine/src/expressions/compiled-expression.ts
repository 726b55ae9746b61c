/**
 * Compilation of one source: size cap, parse (parser caps), structural caps, the evaluator's parse
 * and its agreement with the checker's, type-check, soundness check, and the plan the evaluator
 * runs; evaluation converts inputs lazily and results back to JS.
 */
import { type CelInput, isCelError } from '@bufbuild/cel';
import type { Environment, ParseResult } from '@marcbachmann/cel-js';
import { collectAstFacts } from './ast-facts';
import type { CelVariables, CompiledExpression } from './cel-environment-types';
import { parseRuntime, planRuntime, type RuntimeProgram, runtimeHasFunction } from './cel-runtime';
import { celToTyped, typedToCel } from './cel-typed';
import { celToJs } from './cel-values';
import { buildActivation, type VariableConverters } from './cel-variables';
import { ExpressionError, runtimeError, toExpressionError } from './expression-error';
import { assertSourceSize, assertWithinLimits } from './expression-limits';
import { aggregateOverloads, specialiseAggregates } from './list-aggregates';
import { assertSameReading } from './parser-agreement';
import { assertSound } from './soundness-check';

/** What an environment hands to every compilation. */
export interface CompileScope {
  env: Environment;
  converters: VariableConverters;
  /** Bindings that do not come from `CelVariables` (`params`). */
  constants: Record<string, CelInput>;
}

function readableByEvaluator(source: string): boolean {
  try {
    parseRuntime(source);
    return true;
  } catch {
    return false;
  }
}

function parse(env: Environment, source: string): ParseResult {
  try {
    return env.parse(source);
  } catch (error) {
    const refused = toExpressionError(error, source, 'parse');
    // Valid CEL that the checker's parser cannot read (`.5`, raw bytes, quoted field names).
    if (
      refused.code === 'cel-syntax' &&
      (readableByEvaluator(source) || /character: `/.test(refused.message))
    ) {
      throw new ExpressionError('cel-unsupported', `syntax not supported: ${refused.message}`, source);
    }
    throw refused;
  }
}

/**
 * Valid CEL the checker (cel-js) wrongly refuses: an operator on the element of an empty list (its
 * overloads overlap), `has()` on a map literal, `duration + timestamp` (typed as a duration).
 */
const CHECKER_LIMITS = [
  /overlaps with/,
  /has\(\) invalid argument/,
  /no such overload: google\.protobuf\.Duration ==/,
];

function typeCheck(parsed: ParseResult, source: string): string {
  let result: ReturnType<ParseResult['check']>;
  try {
    result = parsed.check();
  } catch (error) {
    throw toExpressionError(error, source, 'check');
  }
  if (!result.valid) {
    const refused = toExpressionError(result.error, source, 'check');
    if (CHECKER_LIMITS.some((pattern) => pattern.test(refused.message))) {
      throw new ExpressionError(
        'cel-unsupported',
        `not supported by the checker: ${refused.message}`,
        source,
      );
    }
    throw refused;
  }
  return (parsed.ast as { checkedType?: { name: string } }).checkedType?.name ?? 'dyn';
}

/** Runs a step of the evaluator; what it refuses is valid CEL Flowform does not run. */
function byEvaluator<T>(source: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ExpressionError('cel-unsupported', `not supported by the evaluator: ${message}`, source);
  }
}

/** Compiles a source in a scope; the result's `type` is the checker's raw type name. */
export function compileExpression(scope: CompileScope, source: string): CompiledExpression {
  if (typeof source !== 'string') {
    throw toExpressionError('expression must be a string', String(source), 'parse');
  }
  assertSourceSize(source);
  const parsed = parse(scope.env, source);
  const facts = collectAstFacts(parsed.ast);
  assertWithinLimits(facts, source);
  const tree = byEvaluator(source, () => parseRuntime(source));
  assertSameReading(parsed.ast, tree.expr, source);
  const type = typeCheck(parsed, source);
  assertSound(parsed.ast, source, runtimeHasFunction);
  specialiseAggregates(tree.expr, tree.positions, aggregateOverloads(parsed.ast));
  const program = byEvaluator(source, () => planRuntime(tree.expr));
  const inputs = [...facts.identifiers].filter((name) => Object.hasOwn(scope.converters, name));
  const declared = [...facts.identifiers];

  // The evaluator reports an unset variable as an "unresolved attribute": name the variable instead.
  const failure = (error: Error, vars: CelVariables) => {
    const unset = inputs.filter((name) => (vars as unknown as Record<string, unknown>)[name] === undefined);
    if (unset.length === 0 || !/unresolved attribute|undeclared reference/.test(error.message)) {
      return runtimeError(error, source);
    }
    const names = unset.map((n) => `'${n}'`).join(', ');
    return new ExpressionError('cel-runtime', `variable ${names} is not set`, source, {
      reason: 'missing-field',
    });
  };
  const run = (vars: CelVariables) => {
    let result: ReturnType<RuntimeProgram>;
    try {
      const bindings = { ...scope.constants, ...buildActivation(vars, inputs, scope.converters) };
      for (const name of declared) {
        const value = vars.declared?.[name];
        if (value !== undefined) bindings[name] = typedToCel(value);
      }
      result = program(bindings);
    } catch (error) {
      throw runtimeError(error, source);
    }
    if (isCelError(result)) throw failure(result, vars);
    return result;
  };
  const converted = <T>(convert: () => T): T => {
    try {
      return convert();
    } catch (error) {
      throw runtimeError(error, source);
    }
  };
  return {
    source,
    type,
    evaluate: (vars) => {
      const result = run(vars);
      return converted(() => celToJs(result));
    },
    evaluateTyped: (vars) => {
      const result = run(vars);
      return converted(() => celToTyped(result));
    },
  };
}
