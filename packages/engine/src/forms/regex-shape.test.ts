import { describe, expect, it } from 'vitest';
import { DIGIT, intersects } from './char-set';
import { parseRegex } from './regex-parser';
import { shapeOfAlternation } from './regex-shape';

const shape = (source: string) => shapeOfAlternation(parseRegex(source));

describe('regex shapes', () => {
  it('given fixed-length parts, when shaped, then they are not variable', () => {
    expect(shape('\\d{3}-(ab|cd)')).toMatchObject({
      variable: false,
      length: 6,
      nullable: false,
      open: false,
    });
  });

  it('given optional and open parts, when shaped, then variability, emptiness and openness show', () => {
    expect(shape('a?')).toMatchObject({ variable: true, nullable: true, open: false });
    expect(shape('a{1,40}')).toMatchObject({ variable: true, open: true });
    expect(shape('a|bc')).toMatchObject({ variable: true });
  });

  it('given a leading optional part, when shaped, then the first characters include what follows it', () => {
    const s = shape('a?\\d');
    expect(intersects(s.first, DIGIT)).toBe(true);
  });

  it('given lookarounds and anchors, when shaped, then they consume nothing', () => {
    expect(shape('^(?=\\d)$')).toMatchObject({ nullable: true, length: 0, first: [] });
  });
});
