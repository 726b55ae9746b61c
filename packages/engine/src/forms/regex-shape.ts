/**
 * What a regex fragment can match, summarised for the backtracking analysis:
 * which characters it may start with or consume, whether it can be empty, and
 * whether its length varies or is open-ended.
 */
import type { CharSet } from './char-set';
import { ANY, EMPTY, union } from './char-set';
import type { RegexAlternation, RegexNode } from './regex-parser';

/** Repeats above this count are treated like `*` and `+`: long enough to backtrack expensively. */
export const OPEN_REPEAT = 32;

/** A fragment's matching profile; sets over-approximate, which keeps the analysis conservative. */
export interface Shape {
  /** Characters a non-empty match may start with. */
  first: CharSet;
  /** Characters a match may consume anywhere. */
  all: CharSet;
  /** Can match the empty string. */
  nullable: boolean;
  /** Can match strings of different lengths. */
  variable: boolean;
  /** The match length when not variable. */
  length: number;
  /** Contains a repeat with no (or a large) upper bound. */
  open: boolean;
}

const ZERO_WIDTH: Shape = {
  first: EMPTY,
  all: EMPTY,
  nullable: true,
  variable: false,
  length: 0,
  open: false,
};

/** The shape of one node. */
export function shapeOf(node: RegexNode): Shape {
  switch (node.type) {
    case 'char':
      return { first: node.set, all: node.set, nullable: false, variable: false, length: 1, open: false };
    case 'assertion':
      return ZERO_WIDTH;
    case 'backreference':
      return { first: ANY, all: ANY, nullable: true, variable: true, length: 0, open: true };
    case 'group':
      return node.kind === 'group' ? shapeOfAlternation(node.body) : ZERO_WIDTH;
    case 'quantifier': {
      const body = shapeOf(node.body);
      return {
        first: body.first,
        all: body.all,
        nullable: node.min === 0 || body.nullable,
        variable: body.variable || (node.min !== node.max && body.length > 0),
        length: node.min * body.length,
        open: body.open || node.max > OPEN_REPEAT,
      };
    }
  }
}

/** The shape of a sequence matched one node after the other. */
export function shapeOfSequence(nodes: readonly RegexNode[]): Shape {
  let first = EMPTY;
  let all = EMPTY;
  let nullable = true;
  let variable = false;
  let length = 0;
  let open = false;
  for (const node of nodes) {
    const shape = shapeOf(node);
    if (nullable) first = union(first, shape.first);
    nullable &&= shape.nullable;
    all = union(all, shape.all);
    variable ||= shape.variable;
    length += shape.length;
    open ||= shape.open;
  }
  return { first, all, nullable, variable, length, open };
}

/** The shape of `a|b|…`; branches of different lengths make it variable. */
export function shapeOfAlternation(alt: RegexAlternation): Shape {
  const shapes = alt.branches.map(shapeOfSequence);
  return {
    first: shapes.reduce((acc, s) => union(acc, s.first), EMPTY),
    all: shapes.reduce((acc, s) => union(acc, s.all), EMPTY),
    nullable: shapes.some((s) => s.nullable),
    variable: shapes.some((s) => s.variable || s.length !== shapes[0]!.length),
    length: shapes[0]?.length ?? 0,
    open: shapes.some((s) => s.open),
  };
}

/** Whether an open-ended repeat appears anywhere, lookarounds included. */
export function containsOpenRepeat(node: RegexNode): boolean {
  if (node.type === 'quantifier') return node.max > OPEN_REPEAT || containsOpenRepeat(node.body);
  if (node.type === 'group') return node.body.branches.some((b) => b.some(containsOpenRepeat));
  return node.type === 'backreference';
}
