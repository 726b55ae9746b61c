import type { CaseWrite } from '../case-write';
import type { ChangeSet } from '../change-set';

/** The rows of every write, each tagged with its case id (the guard joins on it). */
export function tagged<T extends object>(
  writes: readonly CaseWrite[],
  pick: (change: ChangeSet) => readonly T[],
): (T & { instance_id: string })[] {
  const out: (T & { instance_id: string })[] = [];
  for (const w of writes) {
    for (const row of pick(w.change)) out.push({ ...row, instance_id: w.change.instance.id });
  }
  return out;
}

/** Values (task ids, timer ids, usernames) paired with their case ids, as two parallel arrays. */
export function pairs(
  writes: readonly CaseWrite[],
  pick: (change: ChangeSet) => readonly string[],
): { values: string[]; cases: string[] } {
  const values: string[] = [];
  const cases: string[] = [];
  for (const w of writes) {
    for (const value of pick(w.change)) {
      values.push(value);
      cases.push(w.change.instance.id);
    }
  }
  return { values, cases };
}

/** True if some write of the batch has rows of this kind. */
export function someRows(
  writes: readonly CaseWrite[],
  pick: (change: ChangeSet) => readonly unknown[],
): boolean {
  return writes.some((w) => pick(w.change).length > 0);
}
