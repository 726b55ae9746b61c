/**
 * The people and units a simulated user picks from when a form asks for a user or a unit: taken from
 * the directory seed in its own order, filtered by the roles and unit kinds the form's UI schema hints.
 */
import type { DirectorySeed } from '../assignment';

/** Lookups for sample form values. */
export interface SampleCatalogue {
  /** Usernames holding any of `roles` (any non-administrator when none are given), in seed order. */
  users(roles?: string[]): string[];
  /** Unit ids of the given kinds (any unit below the root when none are given), in seed order. */
  units(kinds?: string[]): string[];
  /** The simulated day, `YYYY-MM-DD`. */
  today: string;
  /** Case fields that name a unit (the definition's unit field, unit-relative rules): sampled as units. */
  unitFields: Set<string>;
}

/** A catalogue over a directory seed, for the day of `now`. */
export function sampleCatalogue(
  seed: DirectorySeed,
  now: string,
  unitFields: Set<string> = new Set(),
): SampleCatalogue {
  const rolesOf = new Map<string, Set<string>>();
  for (const m of seed.memberships) {
    const set = rolesOf.get(m.username) ?? new Set<string>();
    set.add(m.role);
    rolesOf.set(m.username, set);
  }
  const active = seed.users.filter((u) => !u.disabled).map((u) => u.username);
  return {
    today: now.slice(0, 10),
    unitFields,
    users(roles) {
      return active.filter((u) => {
        const held = rolesOf.get(u) ?? new Set<string>();
        if (roles && roles.length > 0) return roles.some((r) => held.has(r));
        return [...held].some((r) => r !== 'administrator');
      });
    },
    units(kinds) {
      return seed.units
        .filter((u) => (kinds && kinds.length > 0 ? kinds.includes(u.kind) : u.parent))
        .map((u) => u.id);
    },
  };
}
