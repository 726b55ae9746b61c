/**
 * A directory change as data: typed operations applied in order to a seed. Each operation is
 * checked against the directory as the operations before it left it; a refused one is reported with
 * its path (`/ops/3/parent`) and a sentence in both languages, and the change is all or nothing.
 */
import type { DirectoryIssue, DirectoryOp } from './directory-op';
import type { DirectorySeed, SeedContract, SeedMembership, SeedUnit } from './directory-seed';
import { DirectoryState } from './directory-state';
import { InMemoryDirectory } from './in-memory-directory';
import { validateDirectorySeed } from './seed-validation';
import { deriveSuperior } from './unit-heads';

/** The seed after the change, and every refused operation (empty when the change may be applied). */
export interface AppliedOps {
  seed: DirectorySeed;
  issues: DirectoryIssue[];
}

/** Applies `ops` in order to a copy of `seed`; never throws on bad input, it reports it. */
export function applyDirectoryOps(seed: DirectorySeed, ops: readonly DirectoryOp[]): AppliedOps {
  const state = new DirectoryState(seed);
  ops.forEach((op, i) => {
    state.apply(op, `/ops/${i}`);
  });
  const result = state.toSeed();
  if (state.issues.length === 0) {
    for (const problem of validateDirectorySeed(result)) {
      state.issues.push({ path: '', code: 'invalid-directory', message: { 'zh-CN': problem, en: problem } });
    }
  }
  return { seed: result, issues: state.issues };
}

/** The same membership. */
export const sameMembership = (a: SeedMembership, b: SeedMembership): boolean =>
  a.username === b.username && a.role === b.role && a.unit === b.unit;

/** The same contracting relation. */
export const sameContract = (a: SeedContract, b: SeedContract): boolean =>
  a.unit === b.unit &&
  ('user' in a.contractor
    ? 'user' in b.contractor && a.contractor.user === b.contractor.user
    : 'unit' in b.contractor && a.contractor.unit === b.contractor.unit);

/** Units ordered parents first (a change adds a parent before its children). */
export function parentsFirst<T extends { id: string; parent?: string | null }>(units: readonly T[]): T[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (u: T) => {
    if (seen.has(u.id)) return;
    seen.add(u.id);
    if (u.parent && byId.has(u.parent)) visit(byId.get(u.parent)!);
    out.push(u);
  };
  for (const u of units) visit(u);
  return out;
}

/**
 * The seed with every superior derived from the unit tree and the role holders (see
 * `deriveSuperior`), none kept by hand: what a directory change stores, so no superior goes stale.
 */
export function withDerivedSuperiors(seed: DirectorySeed): DirectorySeed {
  const users = seed.users.map(({ superior: _, ...u }) => u);
  const directory = new InMemoryDirectory({ ...seed, users });
  return {
    ...seed,
    users: users.map((u) => {
      const superior = deriveSuperior(directory, u.username);
      return superior ? { ...u, superior } : u;
    }),
  };
}
