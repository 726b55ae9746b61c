/**
 * Local wall time in a named time zone, through `Intl` only (no package, no clock): the local date
 * and time of an instant, and the instant of a local date and time.
 */

/** A local date (`YYYY-MM-DD`) and time of day in minutes and seconds. */
export interface LocalTime {
  date: string;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(timezone: string): Intl.DateTimeFormat {
  let f = formats.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, f);
  }
  return f;
}

/** Whether `timezone` is an IANA zone this platform knows. */
export function isTimeZone(timezone: unknown): timezone is string {
  if (typeof timezone !== 'string' || timezone === '') return false;
  try {
    format(timezone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time of instant `ms` in `timezone`. */
export function localTimeOf(ms: number, timezone: string): LocalTime {
  const parts = Object.fromEntries(
    format(timezone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

function wallAsUtc(t: LocalTime): number {
  const [y, m, d] = t.date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, t.hour, t.minute, t.second, t.ms);
}

/** The instant the wall clock in `timezone` shows `t` (two passes settle a daylight-saving offset). */
export function instantOf(t: LocalTime, timezone: string): number {
  const wall = wallAsUtc(t);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const offset = wallAsUtc(localTimeOf(guess, timezone)) - guess;
    guess = wall - offset;
  }
  return guess;
}
