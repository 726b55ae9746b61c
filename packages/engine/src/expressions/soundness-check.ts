/**
 * What the checker lets through but the evaluator could still refuse, found on the checked AST and
 * refused at compile time so that lint-clean expressions cannot fail with a type or overload error:
 *
 * - an operand whose type is known only at run time (`dyn`: untyped arrays, `["number","string"]`
 *   fields, `{}`) where the operation is not defined for every runtime type: arithmetic, ordering,
 *   logic, negation, field access, indexing, `size`, method receivers, function arguments, map keys,
 *   `in` containers. Equality, `in` elements, ternary branches and list/map values are safe with dyn.
 *   Seen through `dyn(x)` and agreeing ternary branches: `dyn(x) < y` with both sides numeric is safe
 *   (CEL orders int, uint and double against each other), and so is `+` of two lists.
 * - a function the checker knows but the evaluator does not have.
 *
 * Code `cel-dyn` for the first (convert or type the field first), `cel-unsupported` for the second.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { children } from './ast-facts';
import { ExpressionError } from './expression-error';

type Checked = ASTNode & { checkedType?: { name: string; kind: string } };

const MACROS = new Set(['has', 'all', 'exists', 'exists_one', 'map', 'filter']);
const NUMERIC = new Set(['int', 'uint', 'double']);
const ORDERED = new Set([
  ...NUMERIC,
  'string',
  'bytes',
  'bool',
  'google.protobuf.Timestamp',
  'google.protobuf.Duration',
]);
const RELATIONAL = new Set(['<', '<=', '>', '>=']);
const STRICT_BINARY = new Set([...RELATIONAL, '+', '-', '*', '/', '%', '&&', '||']);
/** Functions whose arguments may be of any type. */
const ANY_ARGUMENT = new Set(['dyn', 'type']);

function typeOf(node: ASTNode): { name: string; kind: string } | undefined {
  return (node as Checked).checkedType;
}

/**
 * The static type as far as it is known, seeing through `dyn(x)` to x's type and through a ternary
 * whose branches agree; lists are just `list` (any two lists concatenate).
 */
function effectiveType(node: ASTNode): string {
  if (node.op === 'call' && node.args[0] === 'dyn' && node.args[1].length === 1)
    return effectiveType(node.args[1][0]!);
  if (node.op === '?:') {
    const [, yes, no] = node.args;
    const branch = effectiveType(yes);
    if (branch === effectiveType(no)) return branch;
  }
  const t = typeOf(node);
  if (!t || t.kind === 'dyn' || t.kind === 'param') return 'dyn';
  return t.kind === 'list' ? 'list' : t.name;
}

/**
 * A type parameter left open (the element of `[]` or `{}`) is not dyn: no value of it exists at run
 * time, since it could only come out of an empty literal.
 */
function isDyn(node: ASTNode): boolean {
  const t = typeOf(node);
  return !t || t.kind === 'dyn';
}

function refuse(node: ASTNode, what: string, source: string): never {
  throw new ExpressionError(
    'cel-dyn',
    `${what} has a type known only at run time (dyn) at position ${node.range?.start ?? 0}; ` +
      'give the field a type in the case schema or convert it first',
    source,
  );
}

function checkBinary(node: ASTNode, source: string): void {
  const [left, right] = node.args as [ASTNode, ASTNode];
  const l = effectiveType(left);
  const r = effectiveType(right);
  if (RELATIONAL.has(node.op) && ((NUMERIC.has(l) && NUMERIC.has(r)) || (l === r && ORDERED.has(l)))) {
    return;
  }
  if (node.op === '+' && l === 'list' && r === 'list') return;
  if (STRICT_BINARY.has(node.op) && (isDyn(left) || isDyn(right)))
    refuse(node, `an operand of '${node.op}'`, source);
  if (node.op === 'in' && isDyn(right)) refuse(right, "the container of 'in'", source);
}

/** A literal key in the form CEL compares keys by (`1`, `1u` and `1.0` are the same key). */
function literalKey(node: ASTNode): string | undefined {
  if (node.op !== 'value') return undefined;
  const v = node.args as unknown;
  if (typeof v === 'string') return `s:${v}`;
  if (typeof v === 'boolean') return `b:${v}`;
  if (typeof v === 'bigint' || typeof v === 'number') return `n:${v}`;
  if (typeof v === 'object' && v !== null && 'value' in v) return `n:${(v as { value: bigint }).value}`;
  return undefined;
}

function checkMapLiteral(entries: Array<[ASTNode, ASTNode]>, source: string): void {
  const seen = new Set<string>();
  for (const [key] of entries) {
    if (isDyn(key)) refuse(key, 'a map key', source);
    const literal = literalKey(key);
    if (literal === undefined) continue;
    if (seen.has(literal))
      throw new ExpressionError('cel-type', `map literal repeats the key ${literal.slice(2)}`, source);
    seen.add(literal);
  }
}

type RuntimeHas = (name: string) => boolean;

/** `google.protobuf.Timestamp` and `.Duration`: type names, not field selections. */
function isTypeName(node: ASTNode): boolean {
  const operand = (node.args as [ASTNode, string])[0];
  return operand.op === '.' && operand.args[0].op === 'id' && operand.args[0].args === 'google';
}

function checkCall(node: ASTNode, source: string, runtimeHas: RuntimeHas): void {
  if (node.op === 'call') {
    const [name, args] = node.args;
    if (MACROS.has(name)) return;
    if (!runtimeHas(name))
      throw new ExpressionError('cel-unsupported', `function ${name}() is not supported`, source);
    if (!ANY_ARGUMENT.has(name))
      for (const a of args) if (isDyn(a)) refuse(a, `an argument of ${name}()`, source);
    return;
  }
  if (node.op !== 'rcall') return;
  const [name, receiver, args] = node.args;
  if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel') return;
  if (isDyn(receiver)) refuse(receiver, `the receiver of .${name}()`, source);
  if (MACROS.has(name)) return;
  if (!runtimeHas(name))
    throw new ExpressionError('cel-unsupported', `method .${name}() is not supported`, source);
  for (const a of args) if (isDyn(a)) refuse(a, `an argument of .${name}()`, source);
}

function checkNode(node: ASTNode, source: string, runtimeHas: RuntimeHas): void {
  switch (node.op) {
    case '.':
    case '.?':
      if (isDyn(node.args[0]) && !isTypeName(node)) refuse(node, `the operand of '.${node.args[1]}'`, source);
      return;
    case '[]':
    case '[?]':
      if (isDyn(node.args[0]) || isDyn(node.args[1])) refuse(node, 'an operand of indexing', source);
      return;
    case '!_':
    case '-_':
      if (isDyn(node.args)) refuse(node, `the operand of '${node.op[0]}'`, source);
      return;
    case '?:':
      if (isDyn(node.args[0])) refuse(node.args[0], 'the condition of ?:', source);
      return;
    case 'map':
      checkMapLiteral(node.args as Array<[ASTNode, ASTNode]>, source);
      return;
    case 'call':
    case 'rcall':
      checkCall(node, source, runtimeHas);
      return;
    case 'value':
    case 'id':
    case 'list':
    case '==':
    case '!=':
      return;
    default:
      checkBinary(node, source);
  }
}

/** Throws `cel-dyn` or `cel-unsupported` for the first unsound construct of a checked AST. */
export function assertSound(ast: ASTNode, source: string, runtimeHas: RuntimeHas): void {
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // Iteration variables of macros are declarations, not expressions: they carry no type.
    if (node.op === 'id' && !typeOf(node)) continue;
    checkNode(node, source, runtimeHas);
    stack.push(...children(node));
  }
}
