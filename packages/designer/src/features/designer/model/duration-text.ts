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
