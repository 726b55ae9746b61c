import { TypeError as CelTypeError, EvaluationError, ParseError } from '@marcbachmann/cel-js';

/** Why an expression was refused or failed; lint and runtime map these to their own messages. */
export type ExpressionErrorCode =
  | 'cel-syntax'
  | 'cel-type'
  | 'cel-unknown-field'
  | 'cel-too-large'
  | 'cel-runtime';

/** The only error the expression module throws, so callers never see cel-js internals. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  readonly code: ExpressionErrorCode;
  readonly source: string;

  constructor(code: ExpressionErrorCode, message: string, source: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.source = source;
  }
}

/** The step that failed; it decides how a foreign error is classified. */
export type ExpressionPhase = 'parse' | 'check' | 'evaluate';

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

function classify(error: CelError, phase: ExpressionPhase): [ExpressionErrorCode, string] {
  const { code, summary } = error;
  if (phase === 'evaluate') {
    if (code === 'unknown_variable') return ['cel-runtime', `variable '${subject(summary)}' is not set`];
    return ['cel-runtime', summary];
  }
  if (code === 'limit_exceeded') return ['cel-too-large', summary];
  if (error instanceof ParseError) return ['cel-syntax', summary];
  if (code === 'no_such_key') return ['cel-unknown-field', `unknown field '${subject(summary)}'`];
  if (code === 'unknown_variable') return ['cel-unknown-field', `unknown variable '${subject(summary)}'`];
  return ['cel-type', summary];
}

function foreignCode(error: unknown, phase: ExpressionPhase): ExpressionErrorCode {
  if (phase === 'evaluate') return 'cel-runtime';
  // Deep recursion while parsing or checking means the expression is too big, whatever the parser says.
  if (error instanceof RangeError) return 'cel-too-large';
  return phase === 'parse' ? 'cel-syntax' : 'cel-type';
}

/** Wraps anything thrown while handling an expression into an ExpressionError with the right code. */
export function toExpressionError(error: unknown, source: string, phase: ExpressionPhase): ExpressionError {
  if (error instanceof ExpressionError) return error;
  if (isCelError(error)) {
    const [code, message] = classify(error, phase);
    return new ExpressionError(code, `${message}${at(error)}`, source, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ExpressionError(foreignCode(error, phase), message, source, { cause: error });
}
