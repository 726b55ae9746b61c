import type { CaseSnapshot } from '@flowform/engine';

/** What the runtime knew of a case right after it wrote it: enough to run the next command. */
export interface CachedCase {
  snapshot: CaseSnapshot;
  /** Hash of the case's last audit row (the next row links to it). */
  prevHash: string;
  /** Directory version the command ran against; the next write is guarded by it. */
  dirVersion: string;
  /**
   * Working-day calendar version of the read (undefined from this process's cache: the calendar it
   * holds, which an edit here replaces at once and one elsewhere within the clock resync).
   */
  calVersion?: number;
  /** Time of the last command (ISO), so the next one never goes back in time. */
  at: string;
}

/**
 * The last snapshot this process wrote for each recently active case (least recently used out).
 * A hit saves the read round trip; it is never trusted blindly: the write is guarded by the case
 * version and the directory version, so a case changed by another process (or a directory change)
 * makes the write miss, and the runtime runs the command again on a fresh read.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, CachedCase>();

  constructor(private readonly capacity: number) {}

  get(instanceId: string): CachedCase | undefined {
    const entry = this.entries.get(instanceId);
    if (entry) {
      this.entries.delete(instanceId);
      this.entries.set(instanceId, entry);
    }
    return entry;
  }

  /** Keeps the newest version only: a slower writer never replaces a later snapshot. */
  remember(entry: CachedCase): void {
    if (this.capacity <= 0) return;
    const id = entry.snapshot.instanceId;
    const current = this.entries.get(id);
    if (current && current.snapshot.version >= entry.snapshot.version) return;
    this.entries.delete(id);
    this.entries.set(id, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets a case if what is cached is no newer than the version found stale. */
  forget(instanceId: string, staleVersion: number): void {
    const current = this.entries.get(instanceId);
    if (current && current.snapshot.version <= staleVersion) this.entries.delete(instanceId);
  }
}
