import { type FormDefinition, formatMessage as fieldMessage, type Locale } from '@flowform/engine';
import {
  ErrorSchemaBuilder,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { fieldLabel, type LabelContext, optionLabel } from './field-labels';
import { joinPointer } from './json-pointer';
import { checkSchema, type Issue, satisfies } from './schema-check';

/** A field error in the reader's language, with its JSON pointer (as the server sends them). */
export interface LocalizedError {
  path: string;
  message: string;
}

const MAX_ERRORS = 50;

/** Checks data against a form schema and words the problems like the server does. */
export function validateForm(
  schema: Record<string, unknown>,
  data: unknown,
  labels: FormDefinition['labels'],
  locale: Locale,
): LocalizedError[] {
  const ctx: LabelContext = { root: schema, labels, locale };
  const seen = new Set<string>();
  const out: LocalizedError[] = [];
  for (const issue of checkSchema(schema, data ?? {}, schema)) {
    const error = { path: joinPointer(issue.path), message: describe(ctx, issue) };
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(error);
    if (out.length >= MAX_ERRORS) break;
  }
  return out;
}

function describe(ctx: LabelContext, issue: Issue): string {
  const label = fieldLabel(ctx, issue.labelPath, issue.ownTitle);
  let spec = issue.spec;
  if (spec.kind === 'enum' && issue.options)
    spec = {
      kind: 'enum',
      options: issue.options.map(
        (o) => optionLabel(ctx, issue.path, o.value) ?? o.title ?? display(ctx.locale, o.value),
      ),
    };
  if (spec.kind === 'dependentRequired')
    spec = { ...spec, trigger: fieldLabel(ctx, [...issue.path.slice(0, -1), spec.trigger]) };
  return fieldMessage(ctx.locale, label, spec);
}

function display(locale: Locale, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return locale === 'en' ? String(value) : value ? '是' : '否';
  if (value === null) return locale === 'en' ? 'empty' : '空';
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** Server or client errors as rjsf's error schema (nested `__errors`). */
export function toErrorSchema(errors: LocalizedError[]) {
  const builder = new ErrorSchemaBuilder();
  for (const e of errors) {
    const segments =
      e.path === ''
        ? []
        : e.path
            .slice(1)
            .split('/')
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    builder.addErrors(e.message, segments.length ? segments : undefined);
  }
  return builder.ErrorSchema;
}

/**
 * rjsf's validator interface over the interpreting checker: no code generation, so the CSP needs
 * no 'unsafe-eval' (rjsf's ajv8 validator compiles schemas with `new Function`).
 */
export function createClientValidator(
  labels: FormDefinition['labels'],
  locale: Locale,
): ValidatorType<unknown, RJSFSchema> {
  return {
    validateFormData(formData, schema): ValidationData<unknown> {
      const errors = validateForm(schema as Record<string, unknown>, formData, labels, locale);
      const list: RJSFValidationError[] = errors.map((e) => ({
        property: e.path.replace(/\//g, '.'),
        message: e.message,
        stack: e.message,
      }));
      return { errors: list, errorSchema: toErrorSchema(errors) as ValidationData<unknown>['errorSchema'] };
    },
    isValid: (schema, formData, rootSchema) =>
      satisfies(schema as Record<string, unknown>, formData, rootSchema as Record<string, unknown>),
    rawValidation: (schema, formData) => ({
      errors: checkSchema(
        schema as Record<string, unknown>,
        formData,
        schema as Record<string, unknown>,
      ) as never[],
    }),
  };
}
