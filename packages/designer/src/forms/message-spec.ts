/**
 * What a field error says, independent of language (the same kinds as the engine's validator,
 * so the client shows the sentences the server would send).
 */
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

export type MessageSpec =
  | { kind: 'required' | 'pattern' | 'not' | 'contains' | 'falseSchema' | 'invalid' }
  | { kind: 'type'; types: string[] }
  | { kind: LimitKind; limit: number }
  | { kind: 'format'; format: string }
  | { kind: 'enum'; options: string[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'multipleOf'; factor: number }
  | { kind: 'additionalProperties' | 'propertyName'; key: string }
  | { kind: 'dependentRequired'; trigger: string }
  | { kind: 'uniqueItems'; first: number; second: number };

export const MAX_LISTED_OPTIONS = 10;

/** For `multipleOf: 0.01`: 2 decimal places; undefined for other factors. */
export function decimalPlaces(factor: number): number | undefined {
  if (!(factor > 0 && factor < 1)) return undefined;
  const places = Math.round(-Math.log10(factor));
  return Math.abs(factor - 10 ** -places) < 1e-12 ? places : undefined;
}

/** A number as people write it. */
export function plainNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}
