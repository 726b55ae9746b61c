import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_PROBLEMS } from './engine-problems';
import { problems } from './problem';
import { PROBLEM_TITLES, type ProblemCode, problemTitle, SERVER_PROBLEMS } from './problem-catalog';

const CJK = /[\u4e00-\u9fff]/;
const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes written as literals where a problem is made: `new ApiProblem(4xx, 'code'` and `problems.conflict(…, 'code')`. */
function literalCodes(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new ApiProblem\(\s*[\w.]+(?: as \d+)?,\s*'([^']+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/problems\.conflict\([^;]*?,\s*'([^']+)'\s*\)/g)) found.add(m[1]!);
  }
  return found;
}

describe('the problem catalogue', () => {
  it.each(Object.keys(PROBLEM_TITLES))('given code %s, then it has a zh-CN and an English title', (code) => {
    const zh = problemTitle(code as ProblemCode, 'zh-CN');
    const en = problemTitle(code as ProblemCode, 'en');
    expect(zh).toMatch(CJK);
    expect(en).not.toMatch(CJK);
    expect(en.trim().length).toBeGreaterThan(2);
  });

  it('given every problem the server writes as a literal code, then the catalogue has it', () => {
    const codes = literalCodes();
    expect(codes.size).toBeGreaterThan(8);
    expect([...codes].filter((c) => !(c in PROBLEM_TITLES))).toEqual([]);
  });

  it('given the common problem helpers, then each code is catalogued', () => {
    const made = [
      problems.badRequest('x'),
      problems.unauthenticated(),
      problems.forbidden(),
      problems.notFound(),
      problems.conflict('x'),
      problems.tooLarge(1),
      problems.unsupportedMedia('x'),
      problems.tooManyRequests(1),
    ];
    expect(made.filter((p) => !(p.code in PROBLEM_TITLES)).map((p) => p.code)).toEqual([]);
  });

  it('given a code both the server and the engine use, then both give it the same titles', () => {
    const shared = Object.keys(SERVER_PROBLEMS).filter((c) => c in ENGINE_PROBLEMS);
    expect(shared).toContain('not-found');
    for (const code of shared) {
      const engine = ENGINE_PROBLEMS[code as keyof typeof ENGINE_PROBLEMS];
      const server = SERVER_PROBLEMS[code as keyof typeof SERVER_PROBLEMS];
      expect({ zh: engine['zh-CN'], en: engine.en }).toEqual({ zh: server['zh-CN'], en: server.en });
    }
  });
});
