import { ParseError } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { ExpressionError, runtimeError, toExpressionError } from './expression-error';

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
  });

  describe('given failures during evaluation', () => {
    it.each([
      ['int64 divide by zero', 'division-by-zero'],
      ['int overflow during addition', 'overflow'],
      ['Error: timestamp out of range', 'overflow'],
      ['index 3 out of bounds [0, 2)', 'index-out-of-range'],
      ['field not found: x', 'missing-field'],
      ['map key conflict: a', 'duplicate-key'],
      ['Failed to parse timestamp: x', 'conversion'],
      ['data does not match the case schema: expected a string, got 7', 'invalid-input'],
      ["found no matching overload for '_<_' applied to '(string, int)'", 'type'],
      ['something nobody expected', 'type'],
    ])('when the evaluator says %s, then cel-runtime with reason %s', (message, reason) => {
      expect(runtimeError(new Error(message), 'x')).toMatchObject({ code: 'cel-runtime', reason });
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
