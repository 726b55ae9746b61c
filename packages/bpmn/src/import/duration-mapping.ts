/**
 * BPMN time expressions → ISO 8601 durations: a literal (`P3D`, `PT4H`), FEEL (`=duration("P3D")`,
 * `="P3D"`) or Camunda's JUEL date arithmetic (`${dateTime().plusDays(3).toDate()}`). Anything else
 * (dates, cycles, other expressions) has no fixed duration and is left for the author.
 */
import { parseIsoDuration } from '@flowform/engine/browser';
import type { ModdleElement } from '../moddle/bpmn-io';

const PLUS: Record<string, (n: number) => string> = {
  Minutes: (n) => `PT${n}M`,
  Hours: (n) => `PT${n}H`,
  Days: (n) => `P${n}D`,
  Weeks: (n) => `P${n * 7}D`,
  Months: (n) => `P${n}M`,
};

/** The ISO duration an expression stands for, if it is a fixed one. */
export function durationOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const candidates = [
    t,
    /^=\s*(?:duration\()?\s*"([^"]+)"\s*\)?$/.exec(t)?.[1],
    /^[$#]\{\s*'([^']+)'\s*\}$/.exec(t)?.[1],
  ];
  for (const c of candidates) if (c && parseIsoDuration(c) !== undefined) return c;
  const plus =
    /^[$#]\{\s*dateTime\(\)\.plus(Minutes|Hours|Days|Weeks|Months)\((\d+)\)(?:\.toDate\(\))?\s*\}$/.exec(t);
  if (plus) return PLUS[plus[1]!]!(Number(plus[2]));
  const feel = /^=\s*now\(\)\s*\+\s*duration\("([^"]+)"\)$/.exec(t)?.[1];
  return feel && parseIsoDuration(feel) !== undefined ? feel : undefined;
}

export interface TimerSpec {
  kind: 'duration' | 'date' | 'cycle' | 'none';
  text: string;
  /** The ISO duration, when the timer is a fixed duration. */
  duration?: string;
}

/** Reads a `bpmn:timerEventDefinition`. */
export function timerOf(definition: ModdleElement): TimerSpec {
  for (const kind of ['duration', 'date', 'cycle'] as const) {
    const key = `time${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
    const body = ((definition[key] as ModdleElement | undefined)?.body as string | undefined)?.trim();
    if (body === undefined) continue;
    const duration = kind === 'duration' ? durationOf(body) : undefined;
    return { kind, text: body, ...(duration ? { duration } : {}) };
  }
  return { kind: 'none', text: '' };
}

/** The event definition of an event element of a type (`bpmn:TimerEventDefinition` …). */
export function eventDefinition(element: ModdleElement, type: string): ModdleElement | undefined {
  return ((element.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === type);
}
