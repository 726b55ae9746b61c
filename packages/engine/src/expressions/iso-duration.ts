/**
 * ISO 8601 durations for due dates, reminders and delays.
 *
 * Only exact units are accepted: weeks (alone, `P2W`), days, hours, minutes and seconds (seconds may
 * carry a fraction, `PT1.5S`). Years and months are rejected because their length depends on the
 * calendar; a due date must be an exact distance from `now`. A day is always 24 hours (UTC arithmetic).
 */

const MS = { W: 604_800_000, D: 86_400_000, H: 3_600_000, M: 60_000, S: 1_000 } as const;

const WEEKS = /^P(\d+)W$/;
const DAY_TIME = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses an ISO 8601 duration (`P3D`, `PT4H`, `P1DT2H30M`, `P2W`) into milliseconds; invalid → undefined. */
export function parseIsoDuration(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const weeks = WEEKS.exec(text);
  if (weeks) return checked(Number(weeks[1]) * MS.W);

  const match = DAY_TIME.exec(text);
  // `P` alone and a `T` without any time part are not durations.
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, days, hours, minutes, seconds] = match;
  const total =
    Number(days ?? 0) * MS.D +
    Number(hours ?? 0) * MS.H +
    Number(minutes ?? 0) * MS.M +
    Math.round(Number(seconds ?? 0) * MS.S);
  return checked(total);
}

function checked(ms: number): number | undefined {
  return Number.isSafeInteger(ms) ? ms : undefined;
}
