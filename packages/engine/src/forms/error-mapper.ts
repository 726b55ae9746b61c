/**
 * Turns schema errors (ajv's shape, from either checker) and the data-limit issues into localised
 * FieldErrors: one message per problem, pointing at the field concerned, with noise from
 * combinator branches folded away.
 */
import type { DataIssue } from './data-limits';
import { displayValue, formatMessage } from './error-messages';
import type { LabelContext } from './field-labels';
import { fieldLabel, optionLabel } from './field-labels';
import type { FieldError } from './form-types';
import { appendPointer, parsePointer } from './json-pointer';
import type { LimitKind, MessageSpec } from './message-spec';
import type { SchemaError } from './schema-checker';
import { isSchemaObject } from './schema-walk';

/** At most this many errors are returned; a form showing more helps nobody. */
export const MAX_FIELD_ERRORS = 50;

const LIMIT_KINDS: ReadonlySet<string> = new Set<LimitKind>([
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
]);

/** Keywords whose failing branches explain nothing on their own; one message replaces them. */
const FOLDING_KEYWORDS: ReadonlySet<string> = new Set(['oneOf', 'anyOf', 'contains', 'propertyNames']);

/** Localised errors for issues found before validation. */
export function mapDataIssues(issues: readonly DataIssue[], ctx: LabelContext): FieldError[] {
  return issues.slice(0, MAX_FIELD_ERRORS).map((issue) => {
    const spec: MessageSpec =
      issue.keyword === 'limit'
        ? { kind: 'dataLimit', limit: issue.limit, max: issue.max }
        : issue.keyword === 'forbiddenKey'
          ? { kind: 'forbiddenKey', key: issue.key }
          : { kind: 'json' };
    const label = fieldLabel(ctx, parsePointer(issue.path));
    return { path: issue.path, keyword: issue.keyword, message: formatMessage(ctx.locale, label, spec) };
  });
}

/** Localised, de-duplicated, capped errors for a checker's output. */
export function mapSchemaErrors(errors: readonly SchemaError[], ctx: LabelContext): FieldError[] {
  const folded = errors.filter((e) => FOLDING_KEYWORDS.has(e.keyword)).map((e) => `${e.schemaPath}/`);
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if' || folded.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const { path, labelPath, spec } = describe(error, ctx);
    // parentSchema is the schema of the field at instancePath: a fallback title only for that field.
    const ownTitle =
      labelPath === error.instancePath && error.parentSchema ? error.parentSchema.title : undefined;
    const label = fieldLabel(ctx, parsePointer(labelPath), ownTitle);
    const fieldError = { path, keyword: error.keyword, message: formatMessage(ctx.locale, label, spec) };
    const key = `${path}\u0000${fieldError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(fieldError);
    if (out.length >= MAX_FIELD_ERRORS) break;
  }
  return out;
}

function describe(
  error: SchemaError,
  ctx: LabelContext,
): { path: string; labelPath: string; spec: MessageSpec } {
  const params = error.params as Record<string, unknown>;
  const at = error.instancePath;
  const field = (key: unknown) => appendPointer(at, String(key));
  const simple = (spec: MessageSpec) => ({ path: at, labelPath: at, spec });
  switch (error.keyword) {
    case 'required':
      return {
        path: field(params.missingProperty),
        labelPath: field(params.missingProperty),
        spec: { kind: 'required' },
      };
    case 'dependentRequired': {
      const trigger = fieldLabel(ctx, parsePointer(field(params.property)));
      const path = field(params.missingProperty);
      return { path, labelPath: path, spec: { kind: 'dependentRequired', trigger } };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { path: field(key), labelPath: at, spec: { kind: 'additionalProperties', key } };
    }
    case 'propertyNames':
      return simple({ kind: 'propertyName', key: String(params.propertyName) });
    case 'type':
      return simple({ kind: 'type', types: String(params.type).split(',') });
    case 'format':
      return simple({ kind: 'format', format: String(params.format) });
    case 'pattern':
      return simple({ kind: 'pattern' });
    case 'enum':
      return simple({ kind: 'enum', options: enumOptions(error, ctx) });
    case 'const':
      return simple({ kind: 'const', value: params.allowedValue });
    case 'multipleOf':
      return simple({ kind: 'multipleOf', factor: Number(params.multipleOf) });
    case 'uniqueItems':
      return simple({ kind: 'uniqueItems', first: Number(params.j) + 1, second: Number(params.i) + 1 });
    case 'oneOf':
    case 'anyOf': {
      const options = constOptions(error, ctx);
      return simple(options ? { kind: 'enum', options } : { kind: 'invalid' });
    }
    case 'not':
    case 'contains':
      return simple({ kind: error.keyword });
    case 'false schema':
      return simple({ kind: 'falseSchema' });
    default:
      if (LIMIT_KINDS.has(error.keyword)) {
        return simple({ kind: error.keyword as LimitKind, limit: Number(params.limit) });
      }
      return simple({ kind: 'invalid' });
  }
}

/** Allowed values, named by English option labels, `enumNames`, or as themselves. */
function enumOptions(error: SchemaError, ctx: LabelContext): string[] {
  const values = Array.isArray(error.schema) ? (error.schema as unknown[]) : [];
  const names = error.parentSchema ? error.parentSchema.enumNames : undefined;
  return values.map((value, i) => {
    const name = Array.isArray(names) ? names[i] : undefined;
    return optionName(error, ctx, value, typeof name === 'string' ? name : undefined);
  });
}

/** `oneOf: [{ const, title }, …]` is an enum with display names; anything else is not. */
function constOptions(error: SchemaError, ctx: LabelContext): string[] | undefined {
  const branches: unknown = error.schema;
  if (!Array.isArray(branches) || branches.length === 0) return undefined;
  if (!branches.every((b) => isSchemaObject(b) && Object.hasOwn(b, 'const'))) return undefined;
  return (branches as Record<string, unknown>[]).map((b) =>
    optionName(error, ctx, b.const, typeof b.title === 'string' ? b.title : undefined),
  );
}

function optionName(
  error: SchemaError,
  ctx: LabelContext,
  value: unknown,
  title: string | undefined,
): string {
  return (
    optionLabel(ctx, parsePointer(error.instancePath), value) ?? title ?? displayValue(ctx.locale, value)
  );
}
