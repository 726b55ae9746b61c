/**
 * The form submissions the simulator tries at a step: the plain sample first, then one variant per
 * choice a guard could branch on (each other option, the opposite flag, another person, numbers
 * around each threshold, other or duplicated list entries for lists that feed a guard).
 */
import type { FormDefinition } from '../definition/definition-types';
import type { GuardFacts } from './guard-facts';
import type { SampleCatalogue } from './sample-catalogue';
import { sampleValue } from './sample-value';

type Schema = Record<string, unknown>;
type Data = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function options(schema: Schema): unknown[] {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf)) return schema.oneOf.filter(isObject).map((o) => o.const);
  return [];
}

function around(schema: Schema, limits: number[], scale: number[]): number[] {
  const min = typeof schema.minimum === 'number' ? schema.minimum : Number.NEGATIVE_INFINITY;
  const max = typeof schema.maximum === 'number' ? schema.maximum : Number.POSITIVE_INFINITY;
  const values = limits.flatMap((t) => scale.flatMap((k) => (k === 1 ? [t - 1, t, t + 1] : [t * k])));
  return values.filter((v) => v >= min && v <= max);
}

const isUnitField = (schema: Schema, ui: unknown) =>
  schema.format === 'flowform-unit' || (isObject(ui) && ui['ui:widget'] === 'unit');

/** A guard may branch on the unit's kind (`caseUnit.kind == "station"`): one unit of each other allowed kind. */
function unitOfEachKind(schema: Schema, ui: unknown, current: unknown, ctx: SampleCatalogue): string[] {
  const hinted = isObject(ui) && isObject(ui['ui:options']) ? ui['ui:options'].kinds : undefined;
  const kinds = (schema['x-unitKinds'] ?? hinted) as string[] | undefined;
  if (!kinds || kinds.length === 0) return [sampleValue(schema, ui as Schema, ctx, 1) as string];
  const firsts = kinds.map((kind) => ctx.units([kind])[0]).filter((u): u is string => !!u);
  return firsts.filter((u) => u !== current);
}

/**
 * A list whose numbers are summed into a guarded field (`sum(data.items.map(i, i.value))`): the
 * first row with every number scaled to 10 and 100 times each threshold it feeds, as far as allowed.
 */
function scaledRows(schema: Schema, first: unknown, limits: number[]): unknown[][] {
  const items = isObject(schema.items) ? schema.items : {};
  const props = isObject(items.properties) ? (items.properties as Record<string, Schema>) : {};
  const numbers = Object.entries(props).filter(([, p]) => p.type === 'number' || p.type === 'integer');
  if (!isObject(first) || numbers.length === 0) return [];
  return limits.flatMap((limit) =>
    [10, 100].map((k) => {
      const row: Data = { ...first };
      for (const [key, p] of numbers) {
        const max = typeof p.maximum === 'number' ? p.maximum : Number.POSITIVE_INFINITY;
        row[key] = Math.min(limit * k, max);
      }
      return [row];
    }),
  );
}

/**
 * A guarded list of rows with a choice in each row (a verification result per item): the first row
 * with each other option, so a guard asking whether some row says `partial` can answer yes.
 */
function rowOptions(schema: Schema, first: unknown): unknown[][] {
  const items = isObject(schema.items) ? schema.items : {};
  const props = isObject(items.properties) ? (items.properties as Record<string, Schema>) : {};
  if (!isObject(first)) return [];
  return Object.entries(props).flatMap(([key, p]) =>
    options(p)
      .filter((o) => o !== first[key])
      .map((o) => [{ ...first, [key]: o }]),
  );
}

/** Alternatives for one field, given the plain sample of the whole form. */
function fieldVariants(
  name: string,
  schema: Schema,
  ui: unknown,
  base: Data,
  facts: GuardFacts,
  ctx: SampleCatalogue,
) {
  const guarded = facts.guardFields.has(name);
  const feeds = facts.feeds.get(name);
  if (!guarded && !feeds) return [];
  const choices = options(schema);
  if (guarded && choices.length > 0) return choices;
  if (schema.type === 'boolean') return guarded ? [!base[name]] : [];
  if (schema.type === 'number' || schema.type === 'integer') {
    return [
      ...around(schema, facts.thresholds.get(name) ?? [], [1]),
      ...around(schema, feeds ?? [], [1, 10, 100]),
    ];
  }
  if (schema.type === 'string' && guarded && isUnitField(schema, ui))
    return unitOfEachKind(schema, ui, base[name], ctx);
  if (schema.type === 'string' && guarded) return [sampleValue(schema, ui as Schema, ctx, 1)];
  if (schema.type === 'array' && Array.isArray(base[name]) && (base[name] as unknown[]).length > 0) {
    const first = (base[name] as unknown[])[0];
    const other = (
      sampleValue({ ...schema, minItems: 1, maxItems: 1 }, ui as Schema, ctx, 1) as unknown[]
    )[0];
    const max = typeof schema.maxItems === 'number' ? schema.maxItems : 2;
    return [
      [other],
      ...(max >= 2 ? [[first, first]] : []),
      ...(guarded ? rowOptions(schema, first) : []),
      ...scaledRows(schema, first, feeds ?? []),
    ];
  }
  return [];
}

/** One submission to try, and what sets it apart from the plain sample (`field=value`). */
export interface FormSample {
  data: Data;
  note?: string;
}

function short(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Submissions to try for a form: the plain sample, then the variants; read-only fields are left out. */
export function formSamples(
  form: FormDefinition,
  current: Data,
  facts: GuardFacts,
  ctx: SampleCatalogue,
  locked: Set<string> = new Set(),
): FormSample[] {
  const schema = form.schema as Schema;
  const ui = (form.uiSchema ?? {}) as Schema;
  const props = isObject(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  const prefill = Object.fromEntries(
    Object.keys(props)
      .filter((k) => k in current)
      .map((k) => [k, current[k]]),
  );
  const base = sampleValue(schema, ui, ctx, 0, prefill) as Data;
  const out: FormSample[] = [{ data: base }];
  for (const [name, sub] of Object.entries(props)) {
    if (locked.has(name)) continue;
    for (const value of fieldVariants(name, sub, ui[name], base, facts, ctx)) {
      if (JSON.stringify(value) === JSON.stringify(base[name])) continue;
      out.push({
        data: sampleValue(schema, ui, ctx, 0, { ...base, [name]: value }) as Data,
        note: `${name}=${short(value)}`,
      });
    }
  }
  const seen = new Set<string>();
  return out
    .map((s) => ({
      ...s,
      data: Object.fromEntries(Object.entries(s.data).filter(([k, v]) => !locked.has(k) && v !== undefined)),
    }))
    .filter((s) => {
      const key = JSON.stringify(s.data);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
