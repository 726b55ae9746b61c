/**
 * Walks the unit tree for unit-relative rules: "the branch secretary of the case's unit" still finds
 * someone when the case is about a station, or when a post is vacant.
 */
import { AssignmentError } from './assignment-error';
import type { Directory } from './directory';

/** The ancestor `up` levels above `unitId` (0 = itself); undefined past the root. */
export function ancestor(directory: Directory, unitId: string, up: number): string | undefined {
  if (!Number.isInteger(up) || up < 0) {
    throw new AssignmentError('assignment-invalid', `up must be a non-negative integer, got ${up}`);
  }
  let at: string | null | undefined = unitId;
  for (let i = 0; i < up && at; i++) at = directory.unit(at)?.parent;
  return at ?? undefined;
}

/**
 * The nearest unit, starting at `unitId` and walking up the parents, where `role` has an active
 * holder; undefined when no unit up to the root has one. Vacant posts therefore fall to the level above.
 */
export function nearestUnitWithHolders(
  directory: Directory,
  role: string,
  unitId: string,
): string | undefined {
  const seen = new Set<string>();
  for (let at: string | null | undefined = unitId; at && !seen.has(at); at = directory.unit(at)?.parent) {
    if (directory.holders(role, at).length > 0) return at;
    seen.add(at);
  }
  return undefined;
}
