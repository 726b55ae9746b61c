/** English error sentences, naming the field like "Amount". */
import type { MessageSpec } from './message-spec';
import { decimalPlaces, formatNumber, MAX_LISTED_OPTIONS } from './message-spec';

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'empty',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The English sentence for a spec about the field labelled `L`. */
export function englishMessage(L: string, spec: MessageSpec): string {
  switch (spec.kind) {
    case 'required':
      return `${L} is required`;
    case 'type':
      return `${L} must be ${spec.types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    case 'minimum':
      return `${L} must be ≥ ${formatNumber(spec.limit)}`;
    case 'maximum':
      return `${L} must be ≤ ${formatNumber(spec.limit)}`;
    case 'exclusiveMinimum':
      return `${L} must be > ${formatNumber(spec.limit)}`;
    case 'exclusiveMaximum':
      return `${L} must be < ${formatNumber(spec.limit)}`;
    case 'minLength':
      return spec.limit <= 1
        ? `${L} is required`
        : `${L} must be at least ${plural(spec.limit, 'character')}`;
    case 'maxLength':
      return `${L} must be at most ${plural(spec.limit, 'character')}`;
    case 'minItems':
      return `${L} must have at least ${plural(spec.limit, 'item')}`;
    case 'maxItems':
      return `${L} may have at most ${plural(spec.limit, 'item')}`;
    case 'minProperties':
      return `${L} must have at least ${plural(spec.limit, 'entry', 'entries')}`;
    case 'maxProperties':
      return `${L} may have at most ${plural(spec.limit, 'entry', 'entries')}`;
    case 'pattern':
      return `${L} is not in the expected format`;
    case 'format':
      return formatMessage(L, spec.format);
    case 'enum':
      return `${L} must be one of: ${listOptions(spec.options)}`;
    case 'const':
      return spec.value === true ? `Please tick ${L}` : `${L} must be ${displayValue(spec.value)}`;
    case 'multipleOf':
      return multipleOfMessage(L, spec.factor);
    case 'additionalProperties':
      return `${L} contains an unknown field "${spec.key}"`;
    case 'propertyName':
      return `${L} contains a field name that is not allowed: "${spec.key}"`;
    case 'forbiddenKey':
      return `The field name "${spec.key}" is not allowed`;
    case 'dependentRequired':
      return `${L} is required when ${spec.trigger} is filled in`;
    case 'uniqueItems':
      return `In ${L}, items ${spec.first} and ${spec.second} are the same`;
    case 'dataLimit':
      if (spec.limit === 'maxBytes')
        return `The submitted data is too large (at most ${spec.max / 1024} KiB)`;
      if (spec.limit === 'maxDepth')
        return `The submitted data is nested too deeply (at most ${spec.max} levels)`;
      return `The submitted data has too many entries (at most ${spec.max})`;
    case 'json':
      return `${L} is not valid JSON data`;
    case 'not':
      return `${L} has a value that is not allowed`;
    case 'contains':
      return `${L} must contain at least one matching item`;
    case 'falseSchema':
      return `${L} is not allowed`;
    case 'invalid':
      return `${L} is invalid`;
  }
}

function formatMessage(L: string, format: string): string {
  switch (format) {
    case 'date':
      return `${L} must be a valid date, e.g. 2024-01-31`;
    case 'date-time':
      return `${L} must be a valid date and time, e.g. 2024-01-31T09:30:00+08:00`;
    case 'time':
      return `${L} must be a valid time, e.g. 09:30:00+08:00`;
    case 'email':
      return `${L} must be a valid email address`;
    case 'uri':
      return `${L} must be a valid URL, e.g. https://example.com`;
    case 'uuid':
      return `${L} must be a valid UUID`;
    case 'flowform-user':
      return `${L} must be a person's username: pick one from the list`;
    case 'flowform-unit':
      return `${L} must be a unit's id: pick one from the list`;
    default:
      return `${L} is not in the expected format`;
  }
}

function multipleOfMessage(L: string, factor: number): string {
  if (factor === 1) return `${L} must be a whole number`;
  const places = decimalPlaces(factor);
  if (places === undefined) return `${L} must be a multiple of ${formatNumber(factor)}`;
  return `${L} may have at most ${plural(places, 'decimal place')}`;
}

function listOptions(options: string[]): string {
  const shown = options.slice(0, MAX_LISTED_OPTIONS).join(', ');
  return options.length > MAX_LISTED_OPTIONS ? `${shown}, … (${options.length} in all)` : shown;
}

/** A data value as shown in an English sentence. */
export function displayValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return 'empty';
  return typeof value === 'number' ? formatNumber(value) : JSON.stringify(value);
}
