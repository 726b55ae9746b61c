import type { CaseWrite } from '../case-write';
import type { ChangeSet } from '../change-set';

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
