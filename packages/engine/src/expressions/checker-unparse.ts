/**
 * The checker's reading of a source, written back as CEL in which no grouping is left to operator
 * precedence: every operand of an operator is an identifier, a call, a selection or an aggregate, or
 * is parenthesised. Literals are written from their values (not copied from the source), so a
 * literal the two parsers read differently shows up too. `parser-agreement.ts` parses the result
 * with the evaluator's parser to prove that both libraries read the same tree.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

const BINARY = new Set(['||', '&&', '==', '!=', '<', '<=', '>', '>=', 'in', '+', '-', '*', '/', '%']);

function codePoint(cp: number): string {
  if (cp >= 0x20 && cp < 0x7f)
    return cp === 0x22 || cp === 0x5c ? `\\${String.fromCodePoint(cp)}` : String.fromCodePoint(cp);
  return cp <= 0xffff ? `\\u${cp.toString(16).padStart(4, '0')}` : `\\U${cp.toString(16).padStart(8, '0')}`;
}

function stringLiteral(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const cp = value.codePointAt(i)!;
    if (cp > 0xffff) i++;
    out += codePoint(cp);
  }
  return `${out}"`;
}

function doubleLiteral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = String(value);
  return /^\d+$/.test(text) ? `${text}.0` : text;
}

/**
 * A literal as CEL source; cel-js keeps ints as bigint, doubles as number, uints boxed. Bytes stay as
 * written: the parsers differ on non-ASCII characters in them (`b'ÿ'`), which changes no type.
 */
function literal(node: ASTNode & { op: 'value' }): string {
  const value = node.args;
  if (value instanceof Uint8Array) return node.input.slice(node.start, node.end);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return doubleLiteral(value);
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'object' && 'value' in value) return `${(value as { value: bigint }).value}u`;
  throw new Error(`unknown literal ${String(value)}`);
}

function isNumber(node: ASTNode): boolean {
  return node.op === 'value' && (typeof node.args === 'bigint' || typeof node.args === 'number');
}

/** Postfix forms, identifiers, strings and aggregates: the receiver of a postfix form as written. */
function isPrimary(node: ASTNode): boolean {
  if (node.op === 'value') return !isNumber(node);
  return ['id', '.', '.?', '[]', '[?]', 'call', 'rcall', 'list', 'map'].includes(node.op);
}

const isPrefix = (node: ASTNode): boolean => node.op === '!_' || node.op === '-_';
/** The receiver of `.f`, `[i]`, `.m()` (`(5).e`, `(-a).b`, `(a + b).size()`). */
const receiver = (node: ASTNode): string => (isPrimary(node) ? unparse(node) : `(${unparse(node)})`);
/** An operand of a binary or ternary operator: prefix forms bind tighter than any of them. */
const operand = (node: ASTNode): string =>
  isPrimary(node) || isPrefix(node) || isNumber(node) ? unparse(node) : `(${unparse(node)})`;
const list = (nodes: ASTNode[]): string => nodes.map(unparse).join(', ');

/**
 * A chain of prefix operators down to a number literal is kept as written (`-5`, `--5`, `- 5`,
 * `!!a`): the evaluator's parser folds `-5` into a negative literal, but not `-(5)`, and drops double
 * negations; both mean the same to the checker.
 */
function unary(node: ASTNode & { op: '!_' | '-_' }): string {
  const operator = node.op[0]!;
  const gap = node.input.slice(node.start + 1, node.args.start);
  if ((isNumber(node.args) || isPrefix(node.args)) && /^\s*$/.test(gap))
    return `${operator}${gap}${unparse(node.args)}`;
  return `${operator}(${unparse(node.args)})`;
}

/** Writes a checker AST as CEL whose grouping does not depend on any operator precedence. */
export function unparse(node: ASTNode): string {
  switch (node.op) {
    case 'value':
      return literal(node);
    case 'id':
      return node.args;
    case '.':
    case '.?':
      return `${receiver(node.args[0])}${node.op}${node.args[1]}`;
    case '[]':
      return `${receiver(node.args[0])}[${unparse(node.args[1])}]`;
    case '[?]':
      return `${receiver(node.args[0])}[?${unparse(node.args[1])}]`;
    case 'call':
      return `${node.args[0]}(${list(node.args[1])})`;
    case 'rcall':
      return `${receiver(node.args[1])}.${node.args[0]}(${list(node.args[2])})`;
    case 'list':
      return `[${list(node.args)}]`;
    case 'map':
      return `{${node.args.map(([k, v]) => `${unparse(k)}: ${unparse(v)}`).join(', ')}}`;
    case '!_':
    case '-_':
      return unary(node);
    case '?:':
      return `${operand(node.args[0])} ? ${operand(node.args[1])} : ${operand(node.args[2])}`;
    default:
      if (!BINARY.has(node.op)) throw new Error(`unknown operator ${node.op}`);
      return `${operand(node.args[0])} ${node.op} ${operand(node.args[1])}`;
  }
}
