/**
 * The evaluator: `@bufbuild/cel` (cel-es), which follows the CEL spec closely: exact 64-bit int and
 * uint with overflow errors, nanosecond timestamps and durations with range checks, fixed-offset and
 * IANA zones, heterogeneous numeric equality. Sources reach it only after the checker accepted them.
 * Added here: Flowform's mixed int/double arithmetic, its helper functions, `cel.bind`, and RE2
 * matching through re2js (linear time).
 */
import { type CelFunc, type CelInput, type CelResult, celEnv, parse, plan } from '@bufbuild/cel';
import { type Expr, ExprSchema } from '@bufbuild/cel-spec/cel/expr/syntax_pb.js';
import { create, type MessageInitShape } from '@bufbuild/protobuf';
import { runtimeHelperFunctions } from './cel-helpers';
import { runtimeListAggregates } from './list-aggregates';
import { runtimeNumericOverloads } from './numeric-overloads';
import { re2RegExp } from './re2-regex';

/** A planned expression: bindings in, CEL value or CelError out (it never throws). */
export type RuntimeProgram = (bindings: Record<string, CelInput>) => CelResult;

const funcs: CelFunc[] = [
  ...runtimeNumericOverloads(),
  ...runtimeHelperFunctions(),
  ...runtimeListAggregates(),
];
const env = celEnv({ funcs, re2: { compile: (pattern) => re2RegExp(pattern) } });

let nextId = 1n << 40n;
const expr = (kind: MessageInitShape<typeof ExprSchema>['exprKind']): Expr =>
  create(ExprSchema, { id: nextId++, exprKind: kind });

/** `cel.bind(v, init, body)` as the fold cel-go expands it to: accumulator `v` = init, no iterations. */
function expandBind(call: Extract<Expr['exprKind'], { case: 'callExpr' }>['value']): Expr | undefined {
  const [name, init, body] = call.args;
  if (call.function !== 'bind' || call.args.length !== 3) return undefined;
  if (call.target?.exprKind.case !== 'identExpr' || call.target.exprKind.value.name !== 'cel')
    return undefined;
  if (name?.exprKind.case !== 'identExpr') return undefined;
  const accuVar = name.exprKind.value.name;
  return expr({
    case: 'comprehensionExpr',
    value: {
      iterVar: '#unused',
      iterRange: expr({ case: 'listExpr', value: { elements: [] } }),
      accuVar,
      accuInit: init,
      loopCondition: expr({
        case: 'constExpr',
        value: { constantKind: { case: 'boolValue', value: false } },
      }),
      loopStep: expr({ case: 'identExpr', value: { name: accuVar } }),
      result: body,
    },
  });
}

/** Rewrites `cel.bind` calls in place, depth first. */
function rewrite(node: Expr | undefined): Expr | undefined {
  if (!node) return node;
  const kind = node.exprKind;
  switch (kind.case) {
    case 'selectExpr':
      kind.value.operand = rewrite(kind.value.operand);
      return node;
    case 'callExpr':
      kind.value.target = rewrite(kind.value.target);
      kind.value.args = kind.value.args.map((a) => rewrite(a)!);
      return expandBind(kind.value) ?? node;
    case 'listExpr':
      kind.value.elements = kind.value.elements.map((e) => rewrite(e)!);
      return node;
    case 'structExpr':
      for (const entry of kind.value.entries) {
        if (entry.keyKind.case === 'mapKey') entry.keyKind.value = rewrite(entry.keyKind.value)!;
        entry.value = rewrite(entry.value);
      }
      return node;
    case 'comprehensionExpr': {
      const c = kind.value;
      c.iterRange = rewrite(c.iterRange);
      c.accuInit = rewrite(c.accuInit);
      c.loopCondition = rewrite(c.loopCondition);
      c.loopStep = rewrite(c.loopStep);
      c.result = rewrite(c.result);
      return node;
    }
    default:
      return node;
  }
}

/** The evaluator's tree of a source, with each node's source offset by id. */
export interface RuntimeTree {
  expr: Expr;
  positions: Record<string, number>;
}

/** Parses a source with the evaluator's parser; throws (a parse error) when it cannot read it. */
export function parseRuntime(source: string): RuntimeTree {
  const parsed = parse(source);
  return { expr: parsed.expr ?? create(ExprSchema), positions: parsed.sourceInfo?.positions ?? {} };
}

/** Plans an evaluator tree (from `parseRuntime`, which it rewrites in place) for evaluation. */
export function planRuntime(tree: Expr): RuntimeProgram {
  return plan(env, rewrite(tree)!) as RuntimeProgram;
}

/** Whether the evaluator has a function or method of that name (the checker may know more). */
export function runtimeHasFunction(name: string): boolean {
  return env.funcs.find(name) !== undefined;
}
