import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRegex } from './regex-parser';

const isValid = (source: string): boolean => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
};

describe('parseRegex', () => {
  it('given a pattern with groups, classes and quantifiers, when parsed, then the structure is kept', () => {
    const ast = parseRegex('^(?:ab|[c-e]+)x{2,3}?$');
    expect(ast.branches).toHaveLength(1);
    const nodes = ast.branches[0]!;
    expect(nodes.map((n) => n.type)).toEqual(['assertion', 'group', 'quantifier', 'assertion']);
    expect(nodes[2]).toMatchObject({ type: 'quantifier', min: 2, max: 3 });
  });

  it('given any regex the engine accepts, when parsed, then the parser copes', () => {
    const piece = fc.constantFrom(
      ...[
        'a',
        'b',
        '.',
        '\\d',
        '\\w',
        '\\s',
        '\\S',
        '\\b',
        '[a-z]',
        '[^0-9]',
        '(',
        ')',
        '(?:',
        '(?=',
        '(?<n>',
      ],
      ...['|', '*', '+', '?', '{2}', '{1,}', '{1,3}', '^', '$', '\\u0041', '\\p{L}', '\\.', '-', '\\1'],
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const source = pieces.join('');
        if (isValid(source)) expect(() => parseRegex(source)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
