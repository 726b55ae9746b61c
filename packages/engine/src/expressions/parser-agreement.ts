/**
 * The checker (cel-js) and the evaluator (@bufbuild/cel) parse every source separately; where their
 * parsers disagree, lint would prove a tree that never runs. cel-js groups the comparison operators
 * C-style (`==`/`!=` below `<`/`in`), while CEL gives all of `< <= >= > == != in` one precedence,
 * left-associative: `false != x > 0` is `(false != x) > 0`.
 *
 * The proof: write the checker's tree back as fully grouped CEL (`checker-unparse.ts`), parse that with
 * the evaluator's parser, and compare with the evaluator's tree of the original source, ignoring node
 * ids. Equal trees mean the checker typed exactly what will run; otherwise the source is refused with
 * `cel-ambiguous`, naming the smallest part that is read differently.
 */
import { parse } from '@bufbuild/cel';
import { type Expr, ExprSchema } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { toJson } from '@bufbuild/protobuf';
import type { ASTNode } from '@marcbachmann/cel-js';
import { children } from './ast-facts';
import { unparse } from './checker-unparse';
import { ExpressionError } from './expression-error';

interface JsonCall {
  function: string;
  target?: unknown;
  args?: Array<{ callExpr?: JsonCall }>;
}

const LOGICAL = new Set(['_&&_', '_||_']);

/** The operands of a chain of one logical operator, whichever way it is grouped. */
function chain(call: JsonCall): unknown[] {
  return (call.args ?? []).flatMap((arg) =>
    arg.callExpr?.function === call.function && !arg.callExpr.target ? chain(arg.callExpr) : [arg],
  );
}

/**
 * A tree's structure without node ids (macro expansion included: both sides are parsed alike).
 * `&&` and `||` chains count as one n-ary call: the evaluator's parser balances `a || b || c || d`,
 * and their grouping changes neither the type nor the value (both are commutative in CEL).
 */
function structure(expr: Expr | undefined): string {
  if (!expr) return '';
  return JSON.stringify(toJson(ExprSchema, expr), (key, value) => {
    if (key === 'id') return undefined;
    if (key === 'callExpr' && LOGICAL.has((value as JsonCall).function))
      return { ...value, args: chain(value as JsonCall) };
    return value;
  });
}

/** The evaluator's reading of a source, or undefined when its parser refuses it. */
function evaluatorReading(source: string): string | undefined {
  try {
    return structure(parse(source).expr);
  } catch {
    return undefined;
  }
}

function readAlike(node: ASTNode, evaluatorTree: string | undefined): boolean {
  return evaluatorTree === evaluatorReading(unparse(node));
}

/** The innermost node whose own text the evaluator reads, and reads differently. */
function innermostDisagreement(node: ASTNode): ASTNode | undefined {
  for (const child of children(node)) {
    const found = innermostDisagreement(child);
    if (found) return found;
  }
  const own = evaluatorReading(node.input.slice(node.start, node.end));
  return own !== undefined && !readAlike(node, own) ? node : undefined;
}

/** Throws `cel-ambiguous` unless the evaluator's tree (`evaluated`) is the checker's tree (`checked`). */
export function assertSameReading(checked: ASTNode, evaluated: Expr, source: string): void {
  if (readAlike(checked, structure(evaluated))) return;
  const node = innermostDisagreement(checked) ?? checked;
  const text = source.slice(node.start, node.end);
  throw new ExpressionError(
    'cel-ambiguous',
    `'${text}' at position ${node.start} is read one way by the type checker ('${unparse(node)}') ` +
      'and another way by CEL, where < <= > >= == != and in share one precedence and group from ' +
      'the left; add parentheses to say which you mean',
    source,
  );
}
