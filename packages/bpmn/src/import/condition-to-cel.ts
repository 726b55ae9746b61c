/**
 * Simple BPMN conditions → CEL over `data.*`. Reads JUEL (`${amount > 5000}`, `#{a eq 'x'}`) and
 * FEEL (`=amount > 5000`, `approved = true`, `not(x)`): comparisons of variables with literals,
 * `&&`/`||`/`and`/`or`, negation and parentheses. Anything else (method calls, arithmetic,
 * `execution.…`) is refused with the reason, for the author to translate.
 *
 *   text ─unwrap ${…} / #{…} / =…─► tokens ─parse─► tree ─print─► CEL + variable types
 */

export type FieldType = 'number' | 'boolean' | 'string';

export type Translation =
  | { ok: true; cel: string; variables: Map<string, FieldType> }
  | { ok: false; reason: string };

type Token =
  | { kind: 'num'; text: string }
  | { kind: 'str'; text: string }
  | { kind: 'id'; text: string }
  | { kind: 'op'; text: string };

type Node =
  | { kind: 'lit'; type: FieldType | 'null'; cel: string }
  | { kind: 'var'; path: string }
  | { kind: 'not'; arg: Node }
  | { kind: 'bin'; op: string; left: Node; right: Node };

const WORD_OPS: Record<string, string> = {
  and: '&&',
  or: '||',
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
};
const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);
const ENGINE_OBJECTS = new Set(['execution', 'task', 'nrOfInstances', 'loopCounter', 'authenticatedUserId']);

/** Translates a condition; refuses what it cannot translate exactly. */
export function conditionToCel(text: string): Translation {
  try {
    const tokens = tokenize(unwrap(text));
    const parser = new Parser(tokens);
    const tree = parser.parseOr();
    if (!parser.done()) throw new Error(`unexpected '${parser.peek()?.text}'`);
    const variables = new Map<string, FieldType>();
    collectTypes(tree, variables, 'boolean');
    return { ok: true, cel: print(tree, 0), variables };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}

function unwrap(text: string): string {
  const t = text.trim();
  const el = /^[$#]\{([\s\S]*)\}$/.exec(t);
  if (el) return el[1]!.trim();
  if (t.startsWith('=')) return t.slice(1).trim();
  return t;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const re =
    /\s*(?:(\d+(?:\.\d+)?)|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)|(==|!=|<=|>=|&&|\|\||[<>=!()]))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(source);
    if (!m) throw new Error(`cannot read '${source.slice(at).trim().slice(0, 20)}'`);
    at = re.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined)
      tokens.push({ kind: 'str', text: (m[2] ?? m[3])!.replace(/\\(.)/g, '$1') });
    else if (m[4] !== undefined) {
      const word = m[4];
      if (WORD_OPS[word] || word === 'not') tokens.push({ kind: 'op', text: WORD_OPS[word] ?? '!' });
      else tokens.push({ kind: 'id', text: word });
    } else tokens.push({ kind: 'op', text: m[5] === '=' ? '==' : m[5]! });
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.at];
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }
  private take(op?: string): Token | undefined {
    const t = this.tokens[this.at];
    if (t && (op === undefined || (t.kind === 'op' && t.text === op))) {
      this.at++;
      return t;
    }
    return undefined;
  }

  parseOr(): Node {
    let left = this.parseAnd();
    while (this.take('||')) left = { kind: 'bin', op: '||', left, right: this.parseAnd() };
    return left;
  }
  private parseAnd(): Node {
    let left = this.parseNot();
    while (this.take('&&')) left = { kind: 'bin', op: '&&', left, right: this.parseNot() };
    return left;
  }
  private parseNot(): Node {
    if (this.take('!')) return { kind: 'not', arg: this.parseNot() };
    return this.parseComparison();
  }
  private parseComparison(): Node {
    const left = this.parsePrimary();
    const t = this.peek();
    if (t?.kind === 'op' && COMPARISONS.has(t.text)) {
      this.at++;
      return { kind: 'bin', op: t.text, left, right: this.parsePrimary() };
    }
    return left;
  }
  private parsePrimary(): Node {
    const t = this.take();
    if (!t) throw new Error('the condition ends too early');
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.parseOr();
      if (!this.take(')')) throw new Error("a '(' is not closed");
      return inner;
    }
    if (t.kind === 'num') return { kind: 'lit', type: 'number', cel: t.text };
    if (t.kind === 'str') return { kind: 'lit', type: 'string', cel: JSON.stringify(t.text) };
    if (t.kind === 'id') {
      if (t.text === 'true' || t.text === 'false') return { kind: 'lit', type: 'boolean', cel: t.text };
      if (t.text === 'null') return { kind: 'lit', type: 'null', cel: 'null' };
      const next = this.peek();
      if (next?.kind === 'op' && next.text === '(') throw new Error(`calls '${t.text}(…)'`);
      const head = t.text.split('.')[0]!;
      if (ENGINE_OBJECTS.has(head)) throw new Error(`reads the engine's '${head}'`);
      return { kind: 'var', path: t.text };
    }
    throw new Error(`unexpected '${t.text}'`);
  }
}

/** Infers each variable's case field type from what it is compared with or how it is used. */
function collectTypes(node: Node, out: Map<string, FieldType>, expected: FieldType | undefined): void {
  if (node.kind === 'var') {
    const field = node.path.split('.')[0]!;
    if (expected && !out.has(field) && !node.path.includes('.')) out.set(field, expected);
    else if (!out.has(field)) out.set(field, 'string');
    return;
  }
  if (node.kind === 'not') return collectTypes(node.arg, out, 'boolean');
  if (node.kind === 'bin') {
    if (node.op === '&&' || node.op === '||') {
      collectTypes(node.left, out, 'boolean');
      collectTypes(node.right, out, 'boolean');
      return;
    }
    const typeOf = (n: Node) => (n.kind === 'lit' && n.type !== 'null' ? n.type : undefined);
    const ordered = ['<', '>', '<=', '>='].includes(node.op) ? 'number' : undefined;
    collectTypes(node.left, out, typeOf(node.right) ?? ordered);
    collectTypes(node.right, out, typeOf(node.left) ?? ordered);
  }
}

const PRECEDENCE: Record<string, number> = { '||': 1, '&&': 2 };

function print(node: Node, parent: number): string {
  switch (node.kind) {
    case 'lit':
      return node.cel;
    case 'var':
      return `data.${node.path}`;
    case 'not': {
      const arg = node.arg;
      if (arg.kind === 'var') return `!${print(arg, 4)}`;
      return `!(${print(arg, 0)})`;
    }
    case 'bin': {
      const nullSide =
        node.right.kind === 'lit' && node.right.type === 'null'
          ? node.left
          : node.left.kind === 'lit' && node.left.type === 'null'
            ? node.right
            : undefined;
      if (nullSide && (node.op === '==' || node.op === '!=')) {
        if (nullSide.kind !== 'var') throw new Error('compares something other than a variable with null');
        const has = `has(${print(nullSide, 4)})`;
        return node.op === '==' ? `!${has}` : has;
      }
      const own = PRECEDENCE[node.op] ?? 3;
      const text = `${print(node.left, own)} ${node.op} ${print(node.right, own + (own === 3 ? 1 : 0))}`;
      return own < parent ? `(${text})` : text;
    }
  }
}
