import { describe, expect, it } from 'vitest';
import { ambiguityHazard, MAX_AMBIGUITY } from './regex-ambiguity';
import { parseRegex } from './regex-parser';

const hazard = (source: string) => ambiguityHazard(parseRegex(source));

describe('ambiguityHazard', () => {
  it('given optional parts up to the budget, when checked, then they are accepted', () => {
    expect(MAX_AMBIGUITY).toBe(64);
    expect(hazard(`^${'a?'.repeat(6)}${'a'.repeat(6)}$`)).toBeUndefined();
  });

  it('given one optional part more than the budget allows, when checked, then it is refused', () => {
    expect(hazard(`^${'a?'.repeat(7)}${'a'.repeat(7)}$`)).toMatch(/more than 64 ways/);
  });

  it('given optional parts separated by characters they cannot take, when checked, then they do not add up', () => {
    expect(hazard(`^${'a?-'.repeat(20)}$`)).toBeUndefined();
  });

  it('given two open repeats that can trade characters, when checked, then it is refused', () => {
    expect(hazard('^\\w+\\d+$')).toMatch(/trade characters/);
    expect(hazard('^\\w+-\\d+$')).toBeUndefined();
  });

  it('given a lookahead after a backtracking repeat, when checked, then the re-run lookahead counts', () => {
    expect(hazard('^[^b]*(?=\\d+-)')).toMatch(/trade characters/);
    expect(hazard('^(?=.*\\d)(?=.*[a-z]).{8,}$')).toBeUndefined();
  });

  it('given an unanchored pattern, when checked, then open repeats must be fenced or final', () => {
    expect(hazard('\\d+x')).toMatch(/anchor it with \^/);
    expect(hazard('x\\d+y')).toBeUndefined();
    expect(hazard('\\S+')).toBeUndefined();
  });
});
