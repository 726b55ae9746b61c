/**
 * A small parser for ECMAScript regular expressions in `u` mode (the syntax ajv compiles
 * `pattern` with), producing just enough structure for the backtracking analysis.
 * It expects a source that `new RegExp(source, 'u')` already accepted.
 */
import type { CharSet } from './char-set';
import { ANY, charSet, complement, DIGIT, SPACE, union, WORD } from './char-set';

/** Capturing or non-capturing groups consume text; lookarounds only assert. */
export type GroupKind = 'group' | 'lookahead' | 'lookbehind';

/** One element of a regex sequence. */
export type RegexNode =
  | { type: 'char'; set: CharSet }
  | { type: 'assertion'; kind: 'start' | 'end' | 'word' }
  | { type: 'backreference' }
  | { type: 'group'; kind: GroupKind; body: RegexAlternation }
  | { type: 'quantifier'; min: number; max: number; body: RegexNode };

/** `a|b|c`: each branch is a sequence of nodes. */
export interface RegexAlternation {
  branches: RegexNode[][];
}

/** Parses a `u`-mode regex source; throws on syntax it does not understand. */
export function parseRegex(source: string): RegexAlternation {
  const parser = new Parser(source);
  const result = parser.alternation();
  if (parser.pos !== source.length) throw new SyntaxError(`Unexpected ')' at ${parser.pos}`);
  return result;
}

const SIMPLE_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, f: 12, v: 11, '0': 0 };
const CLASS_ESCAPES: Record<string, CharSet> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};

class Parser {
  pos = 0;
  constructor(private readonly src: string) {}

  alternation(): RegexAlternation {
    const branches = [this.sequence()];
    while (this.eat('|')) branches.push(this.sequence());
    return { branches };
  }

  private sequence(): RegexNode[] {
    const nodes: RegexNode[] = [];
    while (this.pos < this.src.length && !this.at('|') && !this.at(')')) {
      nodes.push(this.quantified(this.atom()));
    }
    return nodes;
  }

  private quantified(body: RegexNode): RegexNode {
    let bounds: [number, number] | undefined;
    if (this.eat('*')) bounds = [0, Number.POSITIVE_INFINITY];
    else if (this.eat('+')) bounds = [1, Number.POSITIVE_INFINITY];
    else if (this.eat('?')) bounds = [0, 1];
    else {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.pos));
      if (!m) return body;
      this.pos += m[0].length;
      const min = Number(m[1]);
      bounds = [min, m[2] === undefined ? min : m[3] ? Number(m[3]) : Number.POSITIVE_INFINITY];
    }
    this.eat('?'); // laziness does not change what can match
    return { type: 'quantifier', min: bounds[0], max: bounds[1], body };
  }

  private atom(): RegexNode {
    if (this.eat('^')) return { type: 'assertion', kind: 'start' };
    if (this.eat('$')) return { type: 'assertion', kind: 'end' };
    if (this.eat('.')) return { type: 'char', set: ANY };
    if (this.eat('[')) return { type: 'char', set: this.charClass() };
    if (this.eat('\\')) return this.escape(false);
    if (this.eat('(')) return this.group();
    return { type: 'char', set: this.literal() };
  }

  private group(): RegexNode {
    let kind: GroupKind = 'group';
    if (this.eat('?:')) kind = 'group';
    else if (this.eat('?=') || this.eat('?!')) kind = 'lookahead';
    else if (this.eat('?<=') || this.eat('?<!')) kind = 'lookbehind';
    else if (this.eat('?<')) this.skipPast('>');
    const body = this.alternation();
    if (!this.eat(')')) throw new SyntaxError(`Missing ')' at ${this.pos}`);
    return { type: 'group', kind, body };
  }

  private charClass(): CharSet {
    const negate = this.eat('^');
    let set: CharSet = [];
    while (!this.eat(']')) {
      if (this.pos >= this.src.length) throw new SyntaxError('Unterminated character class');
      const low = this.classAtom();
      if (this.at('-') && this.src[this.pos + 1] !== ']' && this.pos + 1 < this.src.length) {
        this.pos++;
        const high = this.classAtom();
        set = union(set, charSet([[low[0]![0], high[0]![1]]]));
      } else set = union(set, low);
    }
    return negate ? complement(set) : set;
  }

  private classAtom(): CharSet {
    if (!this.eat('\\')) return this.literal();
    if (this.eat('b')) return charSet([[8, 8]]);
    if (this.eat('-')) return charSet([[45, 45]]);
    const node = this.escape(true);
    return node.type === 'char' ? node.set : ANY;
  }

  private escape(inClass: boolean): RegexNode {
    const c = this.src[this.pos] ?? '';
    if (CLASS_ESCAPES[c]) return this.take(1, { type: 'char', set: CLASS_ESCAPES[c] });
    if (!inClass && (c === 'b' || c === 'B')) return this.take(1, { type: 'assertion', kind: 'word' });
    if (c === 'p' || c === 'P') {
      this.skipPast('}');
      return { type: 'char', set: ANY };
    }
    if (!inClass && /[1-9]/.test(c)) {
      while (/\d/.test(this.src[this.pos] ?? '')) this.pos++;
      return { type: 'backreference' };
    }
    if (!inClass && c === 'k') {
      this.skipPast('>');
      return { type: 'backreference' };
    }
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) return this.take(1, this.single(simple));
    const hex = /^(?:x([0-9a-fA-F]{2})|u\{([0-9a-fA-F]+)\}|u([0-9a-fA-F]{4}))/.exec(this.src.slice(this.pos));
    if (hex) return this.take(hex[0].length, this.single(Number.parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16)));
    if (c === 'c') return this.take(2, this.single((this.src.charCodeAt(this.pos + 1) || 0) % 32));
    return { type: 'char', set: this.literal() };
  }

  private literal(): CharSet {
    const code = this.src.codePointAt(this.pos)!;
    this.pos += code > 0xffff ? 2 : 1;
    return charSet([[code, code]]);
  }

  private single(code: number): RegexNode {
    return { type: 'char', set: charSet([[code, code]]) };
  }

  private take(length: number, node: RegexNode): RegexNode {
    this.pos += length;
    return node;
  }

  private skipPast(end: string): void {
    const at = this.src.indexOf(end, this.pos);
    if (at < 0) throw new SyntaxError(`Missing '${end}'`);
    this.pos = at + end.length;
  }

  private at(text: string): boolean {
    return this.src.startsWith(text, this.pos);
  }

  private eat(text: string): boolean {
    if (!this.at(text)) return false;
    this.pos += text.length;
    return true;
  }
}
