/**
 * The form validator: checks submitted data against a form's JSON Schema and answers with
 * localised field errors. The schema checking comes through the port (ajv on the server, the
 * interpreter in the browser); the bounds on data and the wording are the same for both.
 */
import type { FormDefinition } from '../definition/definition-types';
import { checkDataLimits } from './data-limits';
import { mapDataIssues, mapSchemaErrors } from './error-mapper';
import type { LabelContext } from './field-labels';
import type { FormValidation, Locale } from './form-types';
import type { SchemaChecker } from './schema-checker';

/** Validates form data; both methods throw FormSchemaError when the schema itself is unsafe or invalid. */
export interface FormValidator {
  /** Validates against the form's schema, naming fields by their titles (zh-CN) or `labels[path].en`. */
  validate(form: FormDefinition, data: unknown, locale: Locale): FormValidation;
  /** Validates against a bare schema, e.g. a case schema, with optional English labels. */
  validateSchema(
    schema: Record<string, unknown>,
    data: unknown,
    locale: Locale,
    labels?: FormDefinition['labels'],
  ): FormValidation;
}

const VALID: FormValidation = Object.freeze({ ok: true });

/** A validator over `checker`, which caches prepared schemas; create one per process and share it. */
export function formValidatorWith(checker: SchemaChecker): FormValidator {
  const validateSchema: FormValidator['validateSchema'] = (schema, data, locale, labels) => {
    const check = checker.form(schema);
    const ctx: LabelContext = { root: schema, labels, locale };
    const issues = checkDataLimits(data);
    if (issues.length > 0) return { ok: false, errors: mapDataIssues(issues, ctx) };
    const errors = check(data);
    return errors.length === 0 ? VALID : { ok: false, errors: mapSchemaErrors(errors, ctx) };
  };

  return {
    validate: (form, data, locale) => validateSchema(form.schema, data, locale, form.labels),
    validateSchema,
  };
}
