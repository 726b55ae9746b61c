/**
 * A conservative static check that a JSON Schema `pattern` cannot backtrack catastrophically.
 * Here: nested variable repeats like `(a+)+`, ambiguous alternations under repetition like
 * `(a|a)*`, backreferences and lookbehind; regex-ambiguity adds the sequence-level hazards.
 * Some harmless patterns are rejected too; anchoring with `^` or rewriting always helps.
 */

import { intersects } from './char-set';
import { ambiguityHazard } from './regex-ambiguity';
import type { RegexAlternation, RegexNode } from './regex-parser';
import { parseRegex } from './regex-parser';
import { shapeOf } from './regex-shape';

/** Longest `pattern` source accepted, in UTF-16 code units. */
export const MAX_PATTERN_LENGTH = 200;

/** Why a pattern was refused: invalid syntax or a backtracking hazard. */
export interface PatternVerdict {
  kind: 'invalid' | 'unsafe';
  message: string;
}

/** Checks one pattern; `undefined` means safe to compile. */
export function checkPattern(source: string): PatternVerdict | undefined {
  if (source.length > MAX_PATTERN_LENGTH) {
    return {
      kind: 'unsafe',
      message: `pattern is too long (${source.length} characters, at most ${MAX_PATTERN_LENGTH})`,
    };
  }
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return { kind: 'invalid', message: `invalid regular expression: ${(e as Error).message}` };
  }
  let ast: RegexAlternation;
  try {
    ast = parseRegex(source);
  } catch {
    return { kind: 'unsafe', message: 'pattern is too unusual to analyse; write it more simply' };
  }
  const hazard = structuralHazard(ast) ?? ambiguityHazard(ast);
  return hazard === undefined ? undefined : { kind: 'unsafe', message: hazard };
}

/** Hazards from how parts nest: repeats of variable or ambiguous parts, backreferences, lookbehind. */
function structuralHazard(alt: RegexAlternation): string | undefined {
  for (const branch of alt.branches) {
    for (const node of branch) {
      const hazard = nodeHazard(node);
      if (hazard) return hazard;
    }
  }
  return undefined;
}

function nodeHazard(node: RegexNode): string | undefined {
  switch (node.type) {
    case 'backreference':
      return 'backreferences (\\1, \\k<name>) are not allowed: they can backtrack exponentially';
    case 'group':
      if (node.kind === 'lookbehind') return 'lookbehind (?<= …) and (?<! …) is not allowed';
      return structuralHazard(node.body);
    case 'quantifier':
      return quantifierHazard(node) ?? nodeHazard(node.body);
    default:
      return undefined;
  }
}

function quantifierHazard(node: Extract<RegexNode, { type: 'quantifier' }>): string | undefined {
  const { body } = node;
  if (body.type === 'assertion' || (body.type === 'group' && body.kind !== 'group')) {
    return 'a quantifier cannot apply to an assertion';
  }
  if (node.max <= 1) return undefined;
  const shape = shapeOf(body);
  if (shape.nullable)
    return 'a repeated part can match the empty string, like (a?)*: catastrophic backtracking';
  if (shape.variable && !startsWithSeparator(body)) {
    return 'nested quantifiers, like (a+)+ or (.*)*: catastrophic backtracking';
  }
  if (hasAmbiguousAlternation(body))
    return 'repeated alternatives can match the same text, like (a|a)*: catastrophic backtracking';
  return undefined;
}

/**
 * `(\.[a-z]+)*` is safe: every repetition starts with a character the variable parts cannot
 * consume, so where one repetition ends is never in doubt.
 */
function startsWithSeparator(body: RegexNode): boolean {
  if (body.type !== 'group' || body.body.branches.length !== 1) return false;
  const [head, ...rest] = body.body.branches[0]!;
  if (head?.type !== 'char') return false;
  return rest.every((node) => {
    const shape = shapeOf(node);
    return !shape.variable || !intersects(shape.all, head.set);
  });
}

function hasAmbiguousAlternation(node: RegexNode): boolean {
  if (node.type === 'quantifier') return hasAmbiguousAlternation(node.body);
  if (node.type !== 'group') return false;
  const { branches } = node.body;
  if (branches.length > 1) {
    const firsts = branches.map((b) => shapeOf({ type: 'group', kind: 'group', body: { branches: [b] } }));
    if (firsts.some((s) => s.nullable)) return true;
    for (let i = 0; i < firsts.length; i++) {
      for (let j = i + 1; j < firsts.length; j++) {
        if (intersects(firsts[i]!.first, firsts[j]!.first)) return true;
      }
    }
  }
  return branches.some((b) => b.some(hasAmbiguousAlternation));
}
