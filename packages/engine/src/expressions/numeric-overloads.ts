/**
 * Mixed int/double operators. CEL keeps int and double apart, but case data mixes them freely:
 * `data.amount == 5000` (amount is a JSON Schema `number`) or `data.amount * params.rate`.
 * cel-js already compares int with double (`<`, `<=`, `>`, `>=`); these overloads add equality,
 * membership and arithmetic, promoting the int to double (as JSON numbers are doubles anyway).
 */
import type { Environment } from '@marcbachmann/cel-js';

type Arith = (a: number, b: number) => number;

const ARITHMETIC: Record<string, Arith> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

function includesNumber(list: Iterable<unknown>, value: number | bigint): boolean {
  const target = Number(value);
  for (const element of list) if (Number(element) === target) return true;
  return false;
}

/** Registers int/double equality, `in` and `+ - * /` (result double) on an environment. */
export function registerNumericOverloads(env: Environment): void {
  // `==` also registers the mirrored `int == double` and both `!=`.
  env.registerOperator('double == int', (a: number, b: bigint) => a === Number(b));
  env.registerOperator('int in list<double>', (a: bigint, list: Iterable<unknown>) =>
    includesNumber(list, a),
  );
  env.registerOperator('double in list<int>', (a: number, list: Iterable<unknown>) =>
    includesNumber(list, a),
  );
  for (const [op, apply] of Object.entries(ARITHMETIC)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => apply(a, Number(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => apply(Number(a), b));
  }
}
