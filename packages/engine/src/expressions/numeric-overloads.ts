/**
 * Mixed int/double operators. CEL keeps int and double apart, but case data mixes them freely:
 * `data.amount == 5000` (amount is a JSON Schema `number`) or `data.amount * params.rate`.
 * Comparisons (`<`, `<=`, `>`, `>=`), equality and `in` across numeric types are standard CEL at run
 * time (heterogeneous numeric equality); the checker is told about equality and `in`, and both sides
 * get `+ - * /` promoting the int to double (JSON numbers are doubles anyway).
 */
import { type CelFunc, CelScalar, celFunc } from '@bufbuild/cel';
import type { Environment } from '@marcbachmann/cel-js';

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

/** Declares int/double equality, `in` and `+ - * /` (result double) to the checker. */
export function registerNumericOverloads(env: Environment): void {
  const unused = () => {
    throw new Error('checker-side declaration: the evaluator implements this operator');
  };
  // `==` also registers the mirrored `int == double` and both `!=`.
  env.registerOperator('double == int', unused);
  env.registerOperator('int in list<double>', unused);
  env.registerOperator('double in list<int>', unused);
  for (const op of Object.keys(ARITHMETIC)) {
    env.registerOperator(`double ${op} int: double`, unused);
    env.registerOperator(`int ${op} double: double`, unused);
  }
}

/** The evaluator's `+ - * /` overloads for (double, int) and (int, double). */
export function runtimeNumericOverloads(): CelFunc[] {
  const { DOUBLE, INT } = CelScalar;
  return Object.entries(ARITHMETIC).flatMap(([op, apply]) => [
    celFunc(`_${op}_`, [DOUBLE, INT], DOUBLE, (a, b) => apply(a, Number(b))),
    celFunc(`_${op}_`, [INT, DOUBLE], DOUBLE, (a, b) => apply(Number(a), b)),
  ]);
}
