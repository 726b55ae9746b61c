/**
 * A duration spec as the designer's text boxes show it: ISO text as is (`P3D`, `P3WD`), a day count
 * as `P3WD` (working days) or `P3D` (a count given as CEL as its JSON), a CEL spec as its source.
 */
export function durationText(spec: unknown): string {
  if (typeof spec === 'string') return spec;
  if (!spec || typeof spec !== 'object') return '';
  if ('cel' in spec) return String((spec as { cel: unknown }).cel);
  const { days, working } = spec as { days?: unknown; working?: unknown };
  if (typeof days === 'number') return `P${days}${working ? 'WD' : 'D'}`;
  return JSON.stringify({ days, working });
}

const DAY_COUNT = /^P(\d+)(W?)D$/;

/** Whether a duration counts days (`P3D`, `P3WD`, `{ days, working }`), and whether working days. */
export function dayKind(spec: unknown): 'calendar' | 'working' | undefined {
  if (typeof spec === 'string') {
    const m = DAY_COUNT.exec(spec.trim());
    return m ? (m[2] ? 'working' : 'calendar') : undefined;
  }
  if (spec && typeof spec === 'object' && 'days' in spec)
    return (spec as { working?: unknown }).working ? 'working' : 'calendar';
  return undefined;
}

/** The same day count in working (`P3WD`) or calendar days (`P3D`); other durations stay as they are. */
export function withDayKind<T>(spec: T, kind: 'calendar' | 'working'): T {
  if (typeof spec === 'string') {
    const m = DAY_COUNT.exec(spec.trim());
    return (m ? `P${m[1]}${kind === 'working' ? 'WD' : 'D'}` : spec) as T;
  }
  if (spec && typeof spec === 'object' && 'days' in spec) return { ...spec, working: kind === 'working' };
  return spec;
}
