import { EvaluationError, ParseError } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { ExpressionError, toExpressionError } from './expression-error';

describe('toExpressionError', () => {
  describe('given errors from cel-js', () => {
    it('when a parse error, then cel-syntax with the cause kept', () => {
      const cause = new ParseError('Unexpected token');
      const error = toExpressionError(cause, '1 +', 'parse');
      expect(error).toMatchObject({ name: 'ExpressionError', code: 'cel-syntax', source: '1 +' });
      expect(error.cause).toBe(cause);
    });

    it('when a parser limit, then cel-too-large', () => {
      const error = toExpressionError(
        new ParseError({ code: 'limit_exceeded', message: 'Exceeded maxDepth' }),
        'x',
        'parse',
      );
      expect(error.code).toBe('cel-too-large');
    });

    it('when anything fails during evaluation, then cel-runtime', () => {
      const noKey = new EvaluationError({ code: 'no_such_key', message: 'No such key: x' });
      expect(toExpressionError(noKey, 'data.x', 'evaluate').code).toBe('cel-runtime');
      expect(toExpressionError(new Error('boom'), 'f()', 'evaluate').code).toBe('cel-runtime');
    });
  });

  describe('given other thrown values', () => {
    it('when a stack overflow while parsing, then cel-too-large', () => {
      expect(toExpressionError(new RangeError('Maximum call stack'), 'x', 'parse').code).toBe(
        'cel-too-large',
      );
    });

    it('when already an ExpressionError, then it is returned unchanged', () => {
      const original = new ExpressionError('cel-type', 'nope', 'x');
      expect(toExpressionError(original, 'y', 'check')).toBe(original);
    });

    it('when a non-error value, then it is stringified', () => {
      expect(toExpressionError('bad', 'x', 'check')).toMatchObject({ code: 'cel-type', message: 'bad' });
    });
  });
});
