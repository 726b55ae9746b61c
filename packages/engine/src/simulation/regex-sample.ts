/**
 * A string matching a simple form pattern (`^FW-[0-9]{4}-[0-9]{3}$`, `^([01][0-9]|2[0-3]):[0-5][0-9]$`):
 * literals, escapes, classes, groups with alternatives, and the quantifiers `? * + {n} {n,m}`. The
 * first choice everywhere gives the base sample; `index` varies the last class character so several
 * samples differ (`FW-0000-000`, `FW-0000-001`). Returns undefined for anything it cannot read.
 */

type Node =
  | { kind: 'chars'; chars: string[] }
  | { kind: 'group'; alternatives: Node[][] }
  | { kind: 'repeat'; node: Node; min: number };

interface Cursor {
  text: string;
  at: number;
}

function parseClass(c: Cursor): string[] | undefined {
  const chars: string[] = [];
  c.at += 1;
  if (c.text[c.at] === '^') return undefined;
  while (c.at < c.text.length && c.text[c.at] !== ']') {
    let ch = c.text[c.at]!;
    if (ch === '\\') ch = c.text[++c.at] ?? '';
    if (c.text[c.at + 1] === '-' && c.text[c.at + 2] && c.text[c.at + 2] !== ']') {
      const end = c.text[c.at + 2]!;
      for (let code = ch.charCodeAt(0); code <= end.charCodeAt(0); code++)
        chars.push(String.fromCharCode(code));
      c.at += 3;
    } else {
      chars.push(ch);
      c.at += 1;
    }
  }
  c.at += 1;
  return chars.length > 0 ? chars : undefined;
}

function parseAtom(c: Cursor): Node | undefined {
  const ch = c.text[c.at]!;
  if (ch === '[') {
    const chars = parseClass(c);
    return chars && { kind: 'chars', chars };
  }
  if (ch === '(') {
    c.at += c.text.startsWith('(?:', c.at) ? 3 : 1;
    const alternatives = parseAlternatives(c);
    if (!alternatives || c.text[c.at] !== ')') return undefined;
    c.at += 1;
    return { kind: 'group', alternatives };
  }
  if (ch === '\\') {
    const next = c.text[c.at + 1] ?? '';
    c.at += 2;
    if (next === 'd') return { kind: 'chars', chars: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] };
    if (/[wsWSDbB]/.test(next)) return undefined;
    return { kind: 'chars', chars: [next] };
  }
  if (ch === '.') return undefined;
  c.at += 1;
  return { kind: 'chars', chars: [ch] };
}

function parseQuantified(c: Cursor): Node | undefined {
  const atom = parseAtom(c);
  if (!atom) return undefined;
  const q = c.text[c.at];
  if (q === '?' || q === '*') {
    c.at += 1;
    return { kind: 'repeat', node: atom, min: 0 };
  }
  if (q === '+') {
    c.at += 1;
    return { kind: 'repeat', node: atom, min: 1 };
  }
  const braces = /^\{(\d+)(,\d*)?\}/.exec(c.text.slice(c.at));
  if (braces) {
    c.at += braces[0].length;
    return { kind: 'repeat', node: atom, min: Number(braces[1]) };
  }
  return atom;
}

function parseAlternatives(c: Cursor): Node[][] | undefined {
  const alternatives: Node[][] = [[]];
  while (c.at < c.text.length && c.text[c.at] !== ')') {
    if (c.text[c.at] === '|') {
      alternatives.push([]);
      c.at += 1;
      continue;
    }
    if (c.text[c.at] === '$' && c.at === c.text.length - 1) break;
    const node = parseQuantified(c);
    if (!node) return undefined;
    alternatives[alternatives.length - 1]!.push(node);
  }
  return alternatives;
}

function render(nodes: Node[], out: { text: string[]; classes: number[]; options: string[][] }): void {
  for (const node of nodes) {
    if (node.kind === 'chars') {
      if (node.chars.length > 1) {
        out.classes.push(out.text.length);
        out.options.push(node.chars);
      }
      out.text.push(node.chars[0]!);
    } else if (node.kind === 'group') render(node.alternatives[0]!, out);
    else for (let i = 0; i < Math.max(node.min, 0); i++) render([node.node], out);
  }
}

/** A sample of `pattern`, varied by `index`; undefined when the pattern uses features not handled. */
export function regexSample(pattern: string, index = 0): string | undefined {
  const c: Cursor = { text: pattern.startsWith('^') ? pattern.slice(1) : pattern, at: 0 };
  const alternatives = parseAlternatives(c);
  if (!alternatives || c.at < c.text.length - (c.text.endsWith('$') ? 1 : 0)) return undefined;
  const out = { text: [] as string[], classes: [] as number[], options: [] as string[][] };
  render(alternatives[0]!, out);
  const last = out.classes.length - 1;
  if (index > 0 && last >= 0) {
    const options = out.options[last]!;
    out.text[out.classes[last]!] = options[index % options.length]!;
  }
  const text = out.text.join('');
  return new RegExp(pattern).test(text) ? text : undefined;
}
