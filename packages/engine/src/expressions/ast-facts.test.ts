import { parse } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { collectAstFacts } from './ast-facts';

const factsOf = (source: string) => collectAstFacts(parse(source).ast);

describe('collectAstFacts', () => {
  describe('given a plain guard', () => {
    it('when collecting, then the mentioned identifiers are listed and nothing else counted', () => {
      const facts = factsOf('data.amount > params.limit && "x" in actor.roles');
      expect([...facts.identifiers].sort()).toEqual(['actor', 'data', 'params']);
      expect(facts).toMatchObject({
        comprehensions: 0,
        comprehensionNesting: 0,
        binds: 0,
        regexPatterns: [],
      });
    });
  });

  describe('given comprehension macros', () => {
    it('when nested, then the deepest nesting is reported', () => {
      const facts = factsOf('a.map(x, b.filter(y, y > x)).exists(z, z.all(w, w))');
      expect(facts.comprehensions).toBe(4);
      expect(facts.comprehensionNesting).toBe(2);
    });

    it('when the receiver itself is a comprehension, then it is not counted as nested', () => {
      expect(factsOf('a.map(x, x).map(y, y).map(z, z)').comprehensionNesting).toBe(1);
    });
  });

  describe('given cel.bind and matches', () => {
    it('when collecting, then binds are counted and patterns recorded (undefined if not literal)', () => {
      const facts = factsOf('cel.bind(s, "a", s.matches("^a$") && s.matches(p))');
      expect(facts.binds).toBe(1);
      expect(facts.regexPatterns).toEqual(['^a$', undefined]);
    });
  });
});
