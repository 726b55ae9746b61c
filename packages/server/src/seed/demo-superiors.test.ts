import { deriveSuperior, InMemoryDirectory } from '@flowform/engine';
import { describe, expect, it } from 'vitest';
import { demoDirectory } from './demo-seed';

describe('the demo organisation: superiors derive from the tree and role holders', () => {
  it('given the demo seed, when every superior is derived, then each equals the one the seed names', () => {
    const seed = demoDirectory();
    const directory = new InMemoryDirectory(seed);
    const differing = seed.users
      .map((u) => ({
        user: u.username,
        seed: u.superior ?? null,
        derived: deriveSuperior(directory, u.username) ?? null,
      }))
      .filter((row) => row.seed !== row.derived);
    expect(differing).toEqual([]);
    expect(seed.users.filter((u) => u.superior).length).toBe(92);
  });
});
