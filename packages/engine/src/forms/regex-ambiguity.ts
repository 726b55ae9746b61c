/**
 * Backtracking hazards that come from one sequence of a regex rather than from nesting: repeats
 * that can trade characters (`\d+\d+x`, `.*a.*b`), too many choices that match the same text
 * (`a?a?a?a?a?a?a?aaaaaaa`, `(a|a)(a|a)…`), and open repeats in an unanchored pattern, which the
 * engine rescans from every start position (`\d+x`).
 */
import type { CharSet } from './char-set';
import { intersects } from './char-set';
import type { RegexAlternation, RegexNode } from './regex-parser';
import { containsOpenRepeat, OPEN_REPEAT, shapeOf, shapeOfAlternation } from './regex-shape';

/** Most ways a pattern may match the same text before backtracking over them is refused. */
export const MAX_AMBIGUITY = 64;

const TRADING = 'neighbouring repeats can trade characters, like \\d+\\d+ or .*a.*: polynomial backtracking';
const UNANCHORED =
  'without a leading ^ an open repeat like \\d+x is retried from every position (quadratic on long text); anchor it with ^';

/** The first sequence-level hazard in the pattern, if any. */
export function ambiguityHazard(ast: RegexAlternation): string | undefined {
  let trading = false;
  const ways = alternationWays(ast, () => {
    trading = true;
  });
  if (trading) return TRADING;
  if (ways > MAX_AMBIGUITY) {
    return `more than ${MAX_AMBIGUITY} ways to match the same text, like a?a?a?aaa or (a|a)(a|a): exponential backtracking`;
  }
  return ast.branches.map(unanchoredHazard).find(Boolean);
}

/** Overlapping branches can each lead on to the rest of the pattern; disjoint ones cannot. */
function alternationWays(alt: RegexAlternation, onTrading: () => void): number {
  const ways = alt.branches.map((b) => sequenceWays(b, onTrading));
  const firsts = alt.branches.map((b) => shapeOf({ type: 'group', kind: 'group', body: { branches: [b] } }));
  const overlapping = firsts.some(
    (a, i) => a.nullable || firsts.some((b, j) => j > i && intersects(a.first, b.first)),
  );
  return overlapping && ways.length > 1 ? ways.reduce((x, y) => x + y, 0) : Math.max(1, ...ways);
}

function nodeWays(node: RegexNode, onTrading: () => void): number {
  if (node.type === 'group') return alternationWays(node.body, onTrading);
  if (node.type !== 'quantifier') return 1;
  return nodeWays(node.body, onTrading) ** Math.min(Math.max(node.max, 1), OPEN_REPEAT);
}

/**
 * Variable parts multiply their choices when an earlier one can hand characters to a later one:
 * the earlier part's characters reach the later part's start, and every mandatory part between
 * could belong to either. Two open repeats in such a pair backtrack polynomially on their own.
 */
function sequenceWays(sequence: readonly RegexNode[], onTrading: () => void): number {
  let ways = sequence.reduce((acc, node) => acc * nodeWays(node, onTrading), 1);
  const shapes = sequence.map(shapeOf);
  // A lookahead after a backtracking repeat is re-run at each position the repeat gives back.
  const asRight = sequence.map((node, i) =>
    node.type === 'group' && node.kind !== 'group'
      ? { ...shapeOfAlternation(node.body), nullable: true }
      : shapes[i]!,
  );
  const traders = new Set<number>();
  for (const [i, left] of shapes.entries()) {
    if (!left.variable) continue;
    const between: CharSet[] = [];
    for (const [j, right] of asRight.entries()) {
      if (j <= i) continue;
      if (
        right.variable &&
        intersects(left.all, right.first) &&
        between.every((b) => intersects(b, right.all))
      ) {
        if (left.open && right.open) onTrading();
        traders.add(i).add(j);
      }
      if (right.nullable) continue;
      if (!intersects(left.all, right.first)) break;
      between.push(right.all);
    }
  }
  for (const i of traders) ways *= choices(sequence[i]!);
  return ways;
}

/** How many lengths a trading part can take; open repeats only cost linear time, counted once. */
function choices(node: RegexNode): number {
  if (node.type !== 'quantifier') return 2;
  return node.max > OPEN_REPEAT ? 1 : node.max - node.min + 1;
}

/**
 * Without `^` the engine retries the pattern at every position, as if it began with `[\s\S]*?`.
 * An open repeat is then rescanned from each start, which is quadratic, unless a mandatory
 * character it cannot consume precedes it (`a\d+`), or it ends the pattern (`\S+`) so the
 * first attempt that reaches it succeeds.
 */
function unanchoredHazard(branch: readonly RegexNode[]): string | undefined {
  const head = branch[0];
  if (head?.type === 'assertion' && head.kind === 'start') return undefined;
  const between: CharSet[] = [];
  for (const [i, node] of branch.entries()) {
    if (node.type === 'group' && node.kind !== 'group' && containsOpenRepeat(node)) return UNANCHORED;
    const shape = shapeOf(node);
    const tail = i === branch.length - 1 && node.type === 'quantifier' && node.body.type === 'char';
    const quickTail = tail && node.min <= OPEN_REPEAT;
    if (shape.open && !quickTail && between.every((b) => intersects(b, shape.all))) return UNANCHORED;
    if (!shape.nullable) between.push(shape.all);
  }
  return undefined;
}
