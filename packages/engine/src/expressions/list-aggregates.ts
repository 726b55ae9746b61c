/**
 * `sum(list)` and `avg(list)`: totals and means over lists of numbers, the arithmetic forms need
 * (award totals `sum(data.awards.map(a, a.bonus))`, a reward of 5% of received values, tier means).
 *
 * - `sum(list<int>): int` (exact, `overflow` beyond 64 bits, like CEL's `+`), `sum(list<double>): double`;
 *   the sum of no elements is 0 of the list's type.
 * - `avg(list<int>)`, `avg(list<double>)`: a double; no elements is `division-by-zero`.
 *
 * The evaluator does not know a list's element type (an empty list has no elements to look at), so
 * the checker's type decides: `specialiseAggregates` renames each call in the evaluator's tree to the
 * overload the checker chose (`sum#int`, `sum#double`, …), matched by source position. The plain names
 * stay as a fallback that looks at the values (an empty list is then int 0).
 */
import { type CelFunc, type CelList, CelScalar, celFunc, listType } from '@bufbuild/cel';
import type { Expr } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import type { ASTNode, Environment } from '@marcbachmann/cel-js';
import { children } from './ast-facts';

const AGGREGATES = new Set(['sum', 'avg']);
const INT_MAX = 2n ** 63n - 1n;
const INT_MIN = -(2n ** 63n);

/** Declares `sum` and `avg` to the checker. */
export function registerListAggregates(env: Environment): void {
  const unused = () => {
    throw new Error('checker-side declaration: the evaluator implements this function');
  };
  env.registerFunction('sum(list<int>): int', unused);
  env.registerFunction('sum(list<double>): double', unused);
  env.registerFunction('avg(list<int>): double', unused);
  env.registerFunction('avg(list<double>): double', unused);
}

function intTotal(list: CelList): bigint {
  let total = 0n;
  for (const value of list) {
    total += value as bigint;
    if (total > INT_MAX || total < INT_MIN) throw new Error('sum(): int overflow');
  }
  return total;
}

function doubleTotal(list: CelList): number {
  let total = 0;
  for (const value of list) total += Number(value);
  return total;
}

function mean(total: number, list: CelList): number {
  if (list.size === 0) throw new Error('avg(): divide by zero (no elements)');
  return total / list.size;
}

const holdsInts = (list: CelList): boolean => typeof list.get(0) === 'bigint';

/** The evaluator's implementations, specialised by element type and (fallback) by value. */
export function runtimeListAggregates(): CelFunc[] {
  const { INT, DOUBLE, DYN } = CelScalar;
  const ints = listType(INT);
  const doubles = listType(DOUBLE);
  const any = listType(DYN);
  return [
    celFunc('sum#int', [ints], INT, (list) => intTotal(list)),
    celFunc('sum#double', [doubles], DOUBLE, (list) => doubleTotal(list)),
    celFunc('avg#int', [ints], DOUBLE, (list) => mean(Number(intTotal(list)), list)),
    celFunc('avg#double', [doubles], DOUBLE, (list) => mean(doubleTotal(list), list)),
    celFunc('sum', [any], DYN, (list) =>
      holdsInts(list) || list.size === 0 ? intTotal(list) : doubleTotal(list),
    ),
    celFunc('avg', [any], DOUBLE, (list) =>
      mean(holdsInts(list) ? Number(intTotal(list)) : doubleTotal(list), list),
    ),
  ];
}

type Checked = ASTNode & { checkedType?: { name: string } };

/** Source offset → overload name (`sum#int`) of each aggregate call in the checked tree. */
export function aggregateOverloads(ast: ASTNode): Map<number, string> {
  const found = new Map<number, string>();
  const visit = (node: ASTNode) => {
    if (node.op === 'call' && AGGREGATES.has(node.args[0]) && node.args[1].length === 1) {
      const argType = (node.args[1][0] as Checked).checkedType?.name;
      if (argType === 'list<int>') found.set(node.start, `${node.args[0]}#int`);
      if (argType === 'list<double>') found.set(node.start, `${node.args[0]}#double`);
    }
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return found;
}

/** Renames the aggregate calls of the evaluator's tree (in place) to the overloads found above. */
export function specialiseAggregates(
  tree: Expr,
  positions: Record<string, number>,
  overloads: ReadonlyMap<number, string>,
): void {
  if (overloads.size === 0) return;
  const visit = (node: Expr | undefined): void => {
    if (!node) return;
    const kind = node.exprKind;
    switch (kind.case) {
      case 'callExpr': {
        const name = overloads.get(positions[String(node.id)] ?? -1);
        if (name && !kind.value.target && name.startsWith(`${kind.value.function}#`))
          kind.value.function = name;
        visit(kind.value.target);
        for (const arg of kind.value.args) visit(arg);
        return;
      }
      case 'selectExpr':
        return visit(kind.value.operand);
      case 'listExpr':
        for (const element of kind.value.elements) visit(element);
        return;
      case 'structExpr':
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') visit(entry.keyKind.value);
          visit(entry.value);
        }
        return;
      case 'comprehensionExpr':
        for (const part of [
          kind.value.iterRange,
          kind.value.accuInit,
          kind.value.loopStep,
          kind.value.result,
        ])
          visit(part);
        visit(kind.value.loopCondition);
        return;
      default:
        return;
    }
  };
  visit(tree);
}
