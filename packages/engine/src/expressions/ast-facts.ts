/**
 * One walk over a parsed (not yet macro-expanded) CEL AST, collecting what the limit checks and the
 * evaluator need: referenced names, comprehension nesting, `cel.bind` count and regex patterns.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

/** Facts about an expression's structure, gathered before type-checking. */
export interface AstFacts {
  /** Every identifier mentioned (variables, iteration variables, `cel`); used to skip unused inputs. */
  identifiers: Set<string>;
  comprehensions: number;
  /** Deepest nesting of comprehension macros (`all`, `exists`, `exists_one`, `map`, `filter`). */
  comprehensionNesting: number;
  binds: number;
  /** Patterns given to `matches()`: the literal text, or undefined when not a string literal. */
  regexPatterns: Array<string | undefined>;
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/** The sub-expressions of a node, in source order. */
export function children(node: ASTNode): ASTNode[] {
  switch (node.op) {
    case 'value':
    case 'id':
      return [];
    case '.':
    case '.?':
      return [node.args[0]];
    case '!_':
    case '-_':
      return [node.args];
    case 'call':
      return node.args[1];
    case 'rcall':
      return [node.args[1], ...node.args[2]];
    case 'list':
      return node.args;
    case 'map':
      return node.args.flat();
    default:
      return node.args;
  }
}

function literalString(node: ASTNode | undefined): string | undefined {
  return node?.op === 'value' && typeof node.args === 'string' ? node.args : undefined;
}

function visitCall(node: ASTNode & { op: 'rcall' }, nesting: number, facts: AstFacts): boolean {
  const [name, receiver, args] = node.args;
  if (name === 'matches') facts.regexPatterns.push(literalString(args[0]));
  if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel') facts.binds++;
  if (!COMPREHENSIONS.has(name) || args.length < 2) return false;
  facts.comprehensions++;
  facts.comprehensionNesting = Math.max(facts.comprehensionNesting, nesting + 1);
  visit(receiver, nesting, facts);
  for (const arg of args) visit(arg, nesting + 1, facts);
  return true;
}

function visit(node: ASTNode, nesting: number, facts: AstFacts): void {
  if (node.op === 'id') facts.identifiers.add(node.args);
  if (node.op === 'rcall' && visitCall(node, nesting, facts)) return;
  for (const child of children(node)) visit(child, nesting, facts);
}

/** Collects the facts of a parsed expression; the AST is bounded by the parser limits. */
export function collectAstFacts(ast: ASTNode): AstFacts {
  const facts: AstFacts = {
    identifiers: new Set(),
    comprehensions: 0,
    comprehensionNesting: 0,
    binds: 0,
    regexPatterns: [],
  };
  visit(ast, 0, facts);
  return facts;
}
