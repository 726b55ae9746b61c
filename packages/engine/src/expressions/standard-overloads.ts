/**
 * Standard CEL overloads that cel-js's checker does not declare but the evaluator implements:
 * declared to the checker only (the handlers never run; evaluation is `@bufbuild/cel`'s).
 */
import type { Environment } from '@marcbachmann/cel-js';

const TS = 'google.protobuf.Timestamp';
const DUR = 'google.protobuf.Duration';

const FUNCTIONS = [
  'int(uint): int',
  `int(${TS}): int`,
  `string(${TS}): string`,
  `string(${DUR}): string`,
  `timestamp(${TS}): ${TS}`,
  `duration(${DUR}): ${DUR}`,
];

const OPERATORS = ['bytes < bytes', 'bytes <= bytes', 'bytes > bytes', 'bytes >= bytes'];

/** Declares the overloads above to the checker. */
export function registerStandardOverloads(env: Environment): void {
  const unused = () => {
    throw new Error('checker-side declaration: the evaluator implements this overload');
  };
  for (const signature of FUNCTIONS) env.registerFunction(signature, unused);
  for (const signature of OPERATORS) env.registerOperator(signature, unused);
}
