/**
 * Compilation of one source: size cap, parse (parser caps), structural caps, type-check, and the
 * evaluate function that converts inputs lazily and results back to plain JS.
 */
import type { Environment, ParseResult } from '@marcbachmann/cel-js';
import { collectAstFacts } from './ast-facts';
import type { CompiledExpression } from './cel-environment-types';
import { displayTypeName } from './cel-type-names';
import { celToJs } from './cel-values';
import { buildActivation, type VariableConverters } from './cel-variables';
import { toExpressionError } from './expression-error';
import { assertSourceSize, assertWithinLimits } from './expression-limits';

function parse(env: Environment, source: string): ParseResult {
  try {
    return env.parse(source);
  } catch (error) {
    throw toExpressionError(error, source, 'parse');
  }
}

function typeCheck(parsed: ParseResult, source: string): string {
  let result: ReturnType<ParseResult['check']>;
  try {
    result = parsed.check();
  } catch (error) {
    throw toExpressionError(error, source, 'check');
  }
  if (!result.valid) throw toExpressionError(result.error, source, 'check');
  return displayTypeName(result.type ?? 'dyn');
}

/** Compiles a source against an environment whose variables are converted by `converters`. */
export function compileExpression(
  env: Environment,
  source: string,
  converters: VariableConverters,
): CompiledExpression {
  if (typeof source !== 'string') {
    throw toExpressionError('expression must be a string', String(source), 'parse');
  }
  assertSourceSize(source);
  const parsed = parse(env, source);
  const facts = collectAstFacts(parsed.ast);
  assertWithinLimits(facts, source);
  const type = typeCheck(parsed, source);
  const inputs = [...facts.identifiers].filter((name) => Object.hasOwn(converters, name));
  return {
    source,
    type,
    evaluate(vars) {
      try {
        return celToJs(parsed(buildActivation(vars, inputs, converters)));
      } catch (error) {
        throw toExpressionError(error, source, 'evaluate');
      }
    },
  };
}
