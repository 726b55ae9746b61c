/**
 * The form validator: checks submitted data against a form's JSON Schema and answers with
 * localised field errors. Schemas are safety-checked and compiled once, then cached.
 */
import type { FormDefinition } from '../definition/definition-types';
import { createCompileCache } from './compile-cache';
import { checkDataLimits } from './data-limits';
import { mapAjvErrors, mapDataIssues } from './error-mapper';
import type { LabelContext } from './field-labels';
import type { FormValidation, Locale } from './form-types';
import type { CompiledSchema } from './schema-compiler';
import { createSchemaCompiler } from './schema-compiler';

/** Validates form data; both methods throw FormSchemaError when the schema itself is unsafe or invalid. */
export interface FormValidator {
  /** Validates against the form's schema, naming fields by their titles (zh-CN) or `labels[path].en`. */
  validate(form: FormDefinition, data: unknown, locale?: Locale): FormValidation;
  /** Validates against a bare schema, e.g. a case schema, with optional English labels. */
  validateSchema(
    schema: Record<string, unknown>,
    data: unknown,
    locale?: Locale,
    labels?: FormDefinition['labels'],
  ): FormValidation;
}

const VALID: FormValidation = Object.freeze({ ok: true });

/** A validator with its own compile cache; create one per process and share it. */
export function createFormValidator(): FormValidator {
  const compiler = createSchemaCompiler();
  const cache = createCompileCache<CompiledSchema>();

  const validateSchema: FormValidator['validateSchema'] = (schema, data, locale = 'zh-CN', labels) => {
    const { validate } = cache.get(schema, () => compiler.compile(schema));
    const ctx: LabelContext = { root: schema, labels, locale };
    const issues = checkDataLimits(data);
    if (issues.length > 0) return { ok: false, errors: mapDataIssues(issues, ctx) };
    if (validate(data)) return VALID;
    return { ok: false, errors: mapAjvErrors(validate.errors ?? [], ctx) };
  };

  return {
    validate: (form, data, locale) => validateSchema(form.schema, data, locale, form.labels),
    validateSchema,
  };
}
