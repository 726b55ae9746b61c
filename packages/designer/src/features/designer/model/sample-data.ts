/**
 * Plausible data for a form schema, to prefill the simulator and the preview: the first option,
 * the lowest allowed number, today's date, a real person or unit for people and unit fields.
 * Strings whose pattern it cannot satisfy are left out (the form then says what is missing).
 */
type Json = Record<string, unknown>;

export interface SampleContext {
  date: string;
  user?: string;
  unit?: string;
}

const USERNAME = '^[a-z][a-z0-9_.-]{0,31}$';
const UNIT_ID = '^[a-z][a-z0-9-]{0,63}$';

export function sampleValue(schema: Json, ctx: SampleContext, depth = 0): unknown {
  if (depth > 6) return undefined;
  if ('const' in schema) return schema.const;
  const choices = (schema.oneOf ?? schema.anyOf) as Json[] | undefined;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(choices) && choices[0] && 'const' in choices[0]) return choices[0].const;
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date') return ctx.date;
      if (schema.format === 'date-time') return `${ctx.date}T08:00:00Z`;
      if (schema.pattern === USERNAME) return ctx.user;
      if (schema.pattern === UNIT_ID) return ctx.unit;
      if (schema.pattern || schema.format) return undefined;
      const text = '示例';
      const min = Number(schema.minLength ?? 0);
      return text.padEnd(Math.max(min, text.length), '例').slice(0, Number(schema.maxLength ?? 200));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : 1;
      const max = typeof schema.maximum === 'number' ? schema.maximum : min + 1;
      return Math.min(Math.max(min, 1), max);
    }
    case 'boolean':
      return false;
    case 'array': {
      const count = Number(schema.minItems ?? 0);
      const item = sampleValue((schema.items ?? {}) as Json, ctx, depth + 1);
      return item === undefined ? [] : Array.from({ length: count }, () => item);
    }
    case 'object':
      return sampleObject(schema, ctx, depth + 1);
    default:
      return undefined;
  }
}

export function sampleObject(schema: Json, ctx: SampleContext, depth = 0): Json {
  const out: Json = {};
  for (const [name, child] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
    const value = sampleValue(child, ctx, depth);
    if (value !== undefined) out[name] = value;
  }
  return out;
}
