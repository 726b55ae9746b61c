import { parseIsoDuration } from '@flowform/engine';

/** A clock tests move by hand; the runtime reads it instead of the database's now(). */
export class VirtualClock {
  private ms: number;
  constructor(start = '2026-03-02T08:00:00.000Z') {
    this.ms = Date.parse(start);
  }
  readonly now = (): string => new Date(this.ms).toISOString();
  advance(duration: string): void {
    const ms = parseIsoDuration(duration);
    if (ms === undefined) throw new Error(`bad duration ${duration}`);
    this.ms += ms;
  }
}
