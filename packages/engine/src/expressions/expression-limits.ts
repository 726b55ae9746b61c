/**
 * Size and complexity caps. Expressions come from definitions edited in the designer, so a typo or a
 * hostile definition must not be able to exhaust CPU or memory. Exceeding a cap is `cel-too-large`;
 * a `matches()` pattern gets the screening form patterns get (`re2-regex.ts`).
 */
import type { Limits } from '@marcbachmann/cel-js';
import type { AstFacts } from './ast-facts';
import { ExpressionError } from './expression-error';
import { regexRefusal } from './re2-regex';

/** The caps, generous for approval guards yet small enough to bound evaluation cost. */
export const EXPRESSION_LIMITS = Object.freeze({
  maxSourceBytes: 2048,
  maxAstNodes: 500,
  maxDepth: 32,
  maxListElements: 100,
  maxMapEntries: 100,
  maxCallArguments: 8,
  /** `a.map(x, b.map(y, ...))` is two; a third level is refused (cost grows as size^depth). */
  maxComprehensionNesting: 2,
  maxComprehensions: 10,
  /** Each `cel.bind` can double a string or list; a handful keeps that bounded. */
  maxBinds: 4,
});

/** The parser-enforced part of the caps, in cel-js's option format. */
export const CEL_PARSER_LIMITS: Limits = {
  maxAstNodes: EXPRESSION_LIMITS.maxAstNodes,
  maxDepth: EXPRESSION_LIMITS.maxDepth,
  maxListElements: EXPRESSION_LIMITS.maxListElements,
  maxMapEntries: EXPRESSION_LIMITS.maxMapEntries,
  maxCallArguments: EXPRESSION_LIMITS.maxCallArguments,
};

/** UTF-8 length without allocating (a lone surrogate counts as the 3 bytes of U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      const pair = next >= 0xdc00 && next < 0xe000;
      bytes += pair ? 4 : 3;
      if (pair) i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(message: string, source: string): never {
  throw new ExpressionError('cel-too-large', message, source);
}

/** Refuses sources over the byte cap before the parser sees them. */
export function assertSourceSize(source: string): void {
  const max = EXPRESSION_LIMITS.maxSourceBytes;
  // Every UTF-16 unit is at least one UTF-8 byte, so long strings are refused without counting.
  if (source.length > max || utf8ByteLength(source) > max) {
    tooLarge(`expression is longer than ${max} bytes`, source);
  }
}

/** The screening form patterns share (`re2-regex.ts`): same refusals, same codes. */
function assertRegex(pattern: string | undefined, source: string): void {
  if (pattern === undefined) tooLarge('matches() needs a string literal pattern', source);
  const refusal = regexRefusal(pattern);
  if (refusal) throw new ExpressionError(refusal.code, `matches(): ${refusal.message}`, source);
}

/** Refuses structures the parser allows but evaluation cannot afford (nesting, binds), and invalid regexes. */
export function assertWithinLimits(facts: AstFacts, source: string): void {
  const limits = EXPRESSION_LIMITS;
  if (facts.comprehensionNesting > limits.maxComprehensionNesting) {
    tooLarge(`comprehensions nested deeper than ${limits.maxComprehensionNesting}`, source);
  }
  if (facts.comprehensions > limits.maxComprehensions) {
    tooLarge(`more than ${limits.maxComprehensions} comprehensions`, source);
  }
  if (facts.binds > limits.maxBinds) tooLarge(`more than ${limits.maxBinds} cel.bind`, source);
  for (const pattern of facts.regexPatterns) assertRegex(pattern, source);
}
