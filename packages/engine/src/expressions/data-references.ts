/**
 * Which case fields an expression reads: every `data.x`, `data["x"]` and `has(data.x)`. Where `data`
 * is used some other way (`size(data)`, `cel.bind(d, data, …)`, `data[key]` with a computed key), the
 * expression may read any field: `whole` is true. Computed values use it to order their evaluation
 * and to refuse cycles.
 */
import { type ASTNode, Environment } from '@marcbachmann/cel-js';
import { children } from './ast-facts';
import { toExpressionError } from './expression-error';
import { assertSourceSize, CEL_PARSER_LIMITS } from './expression-limits';

/** The fields an expression reads from `data`, or `whole` when it cannot tell. */
export interface DataReferences {
  fields: string[];
  whole: boolean;
}

let parser: Environment | undefined;

/** The directly named field of a `data.x` / `data["x"]` node, or undefined for anything else. */
function namedField(node: ASTNode): string | undefined {
  if (node.op !== '.' && node.op !== '.?' && node.op !== '[]' && node.op !== '[?]') return undefined;
  const [operand, key] = node.args as [ASTNode, unknown];
  if (operand.op !== 'id' || operand.args !== 'data') return undefined;
  if (typeof key === 'string') return key;
  const literal = key as ASTNode;
  return literal.op === 'value' && typeof literal.args === 'string' ? literal.args : undefined;
}

/** Parses a source (the parser's caps apply) and lists the case fields it reads; throws ExpressionError. */
export function dataFieldsRead(source: string): DataReferences {
  assertSourceSize(source);
  parser ??= new Environment({ limits: CEL_PARSER_LIMITS });
  let ast: ASTNode;
  try {
    ast = parser.parse(source).ast;
  } catch (error) {
    throw toExpressionError(error, source, 'parse');
  }
  const fields = new Set<string>();
  let whole = false;
  const visit = (node: ASTNode) => {
    const field = namedField(node);
    if (field !== undefined) {
      fields.add(field);
      return;
    }
    if (node.op === 'id' && node.args === 'data') whole = true;
    for (const child of children(node)) visit(child);
  };
  visit(ast);
  return { fields: [...fields].sort(), whole };
}
