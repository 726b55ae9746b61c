/**
 * What an error message has to say, independent of language: the message tables for zh-CN and
 * en each turn a spec plus the field's display label into a sentence.
 */
import type { DATA_LIMITS } from './data-limits';

/** Bounds whose message names a number. */
export type LimitKind =
  | 'minimum'
  | 'maximum'
  | 'exclusiveMinimum'
  | 'exclusiveMaximum'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'minProperties'
  | 'maxProperties';

/** One message's content; `options` and `trigger` arrive already localised. */
export type MessageSpec =
  | { kind: 'required' | 'pattern' | 'json' | 'not' | 'contains' | 'falseSchema' | 'invalid' }
  | { kind: 'type'; types: string[] }
  | { kind: LimitKind; limit: number }
  | { kind: 'format'; format: string }
  | { kind: 'enum'; options: string[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'multipleOf'; factor: number }
  | { kind: 'additionalProperties' | 'propertyName' | 'forbiddenKey'; key: string }
  | { kind: 'dependentRequired'; trigger: string }
  | { kind: 'uniqueItems'; first: number; second: number }
  | { kind: 'dataLimit'; limit: keyof typeof DATA_LIMITS; max: number };

/** Options beyond this many are summarised ("等 12 项"), so a long enum does not flood the form. */
export const MAX_LISTED_OPTIONS = 10;

/** For `multipleOf: 0.01` and friends: how many decimal places are allowed, else undefined. */
export function decimalPlaces(factor: number): number | undefined {
  if (!(factor > 0 && factor < 1)) return undefined;
  const places = Math.round(-Math.log10(factor));
  return Math.abs(factor - 10 ** -places) < 1e-12 ? places : undefined;
}

/** A number as people write it (no exponent for ordinary magnitudes). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}
