import { TypeError as CelTypeError, EvaluationError, ParseError } from '@marcbachmann/cel-js';
import { REGEX_REFUSAL_CODES } from './re2-regex';

/**
 * Why an expression was refused or failed; lint and runtime map these to their own messages.
 * Compile time: `cel-syntax`, `cel-type`, `cel-unknown-field`, `cel-too-large`, `cel-dyn` (an operand
 * whose type is known only at run time, where that could fail), `cel-ambiguous` (the checker's parser
 * groups the source differently from CEL's: add parentheses), `cel-unsupported` (valid CEL that
 * Flowform does not run), and the regex refusals shared with form patterns (`regex-invalid`,
 * `regex-too-large`, see `re2-regex.ts`). Run time: `cel-runtime`, with a `reason`.
 */
export const EXPRESSION_ERROR_CODES = [
  'cel-syntax',
  'cel-type',
  'cel-unknown-field',
  'cel-too-large',
  'cel-dyn',
  'cel-ambiguous',
  'cel-unsupported',
  ...REGEX_REFUSAL_CODES,
  'cel-runtime',
] as const;

/** One of `EXPRESSION_ERROR_CODES`. */
export type ExpressionErrorCode = (typeof EXPRESSION_ERROR_CODES)[number];

/**
 * Why evaluation failed. All but `type` depend on the data, so lint cannot rule them out:
 * `division-by-zero`, `overflow` (int/uint out of 64 bits, timestamp/duration out of range, a result
 * a JSON number cannot hold exactly), `index-out-of-range`, `missing-field` (an absent optional field
 * or map key), `duplicate-key` (a map literal whose computed keys collide), `conversion` (`int("x")`,
 * `timestamp("May")`), `invalid-input` (data that does not match the case schema, a `now` that is
 * not an ISO timestamp).
 * `missing-field` also covers a variable the context does not set (`actor` before anyone acted).
 * `type` (no overload for the runtime types) is what lint-clean expressions never produce.
 */
export const RUNTIME_ERROR_REASONS = [
  'division-by-zero',
  'overflow',
  'index-out-of-range',
  'missing-field',
  'duplicate-key',
  'conversion',
  'invalid-input',
  'type',
] as const;

/** One of `RUNTIME_ERROR_REASONS`. */
export type RuntimeErrorReason = (typeof RUNTIME_ERROR_REASONS)[number];

/** The only error the expression module throws, so callers never see library internals. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  readonly source: string;
  /** Set for `cel-runtime`. */
  readonly reason?: RuntimeErrorReason;

  constructor(
    code: ExpressionErrorCode,
    message: string,
    source: string,
    options?: ErrorOptions & { reason?: RuntimeErrorReason },
  ) {
    super(message, options);
    this.code = code;
    this.source = source;
    if (options?.reason) this.reason = options.reason;
  }
}

/** The step that failed; it decides how a foreign error is classified. */
type ExpressionPhase = 'parse' | 'check';

type CelError = ParseError | CelTypeError | EvaluationError;

function isCelError(error: unknown): error is CelError {
  return error instanceof ParseError || error instanceof CelTypeError || error instanceof EvaluationError;
}

function at(error: CelError): string {
  return error.range ? ` at position ${error.range.start}` : '';
}

/** The name after "No such key: " / "Unknown variable: " in a cel-js summary. */
function subject(summary: string): string {
  return summary.slice(summary.indexOf(':') + 1).trim();
}

function classify(error: CelError): [ExpressionErrorCode, string] {
  const { code, summary } = error;
  if (code === 'limit_exceeded') return ['cel-too-large', summary];
  if (error instanceof ParseError) return ['cel-syntax', summary];
  if (code === 'no_such_key') return ['cel-unknown-field', `unknown field '${subject(summary)}'`];
  if (code === 'unknown_variable') return ['cel-unknown-field', `unknown variable '${subject(summary)}'`];
  return ['cel-type', summary];
}

/** Wraps anything thrown while parsing or checking into an ExpressionError with the right code. */
export function toExpressionError(error: unknown, source: string, phase: ExpressionPhase): ExpressionError {
  if (error instanceof ExpressionError) return error;
  if (isCelError(error)) {
    const [code, message] = classify(error);
    return new ExpressionError(code, `${message}${at(error)}`, source, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  // Deep recursion while parsing or checking means the expression is too big, whatever the parser says.
  const code = error instanceof RangeError ? 'cel-too-large' : phase === 'parse' ? 'cel-syntax' : 'cel-type';
  return new ExpressionError(code, message, source, { cause: error });
}

const REASONS: Array<[RegExp, RuntimeErrorReason]> = [
  [/divide by zero|modulus by zero/, 'division-by-zero'],
  [/overflow|out of range|range|±2\^53/, 'overflow'],
  [/out of bounds/, 'index-out-of-range'],
  [
    /field not found|no such key|not found in map|unresolved attribute|undeclared reference/i,
    'missing-field',
  ],
  [/map key conflict/, 'duplicate-key'],
  [/now must be|does not match the case schema/, 'invalid-input'],
  [/parse|convert|invalid|not an ISO|decode|exceeds|syntax/i, 'conversion'],
];

/** Classifies an evaluation failure (a CelError, or a converter's error) into a `cel-runtime` error. */
export function runtimeError(error: unknown, source: string): ExpressionError {
  if (error instanceof ExpressionError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // Anything unrecognised counts as a type error, so the soundness property test notices it.
  const reason = REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? 'type';
  return new ExpressionError('cel-runtime', message, source, { cause: error, reason });
}
