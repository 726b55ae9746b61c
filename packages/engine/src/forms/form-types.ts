/**
 * Public result types of form validation: what the UI shows next to a field and what lint reports.
 */

/** The two languages Flowform speaks; zh-CN is the default everywhere. */
export type Locale = 'zh-CN' | 'en';

/**
 * One problem with submitted data, ready to show next to the field it concerns.
 * `path` is a JSON pointer into the data (`/amount`, `/items/0/name`, `` for the whole form).
 */
export interface FieldError {
  path: string;
  keyword: string;
  message: string;
}

/** The outcome of validating form data: either fine or a list of field errors. */
export type FormValidation = { ok: true } | { ok: false; errors: FieldError[] };

/**
 * Why a form schema cannot be compiled safely; `path` is a JSON pointer into the schema.
 * Codes: form-schema-invalid, form-schema-too-large, form-schema-too-deep, form-forbidden-keyword,
 * form-unknown-format, and for `pattern`/`patternProperties` the codes CEL `matches()` uses too:
 * regex-invalid, regex-too-large.
 */
export interface SchemaProblem {
  code: string;
  message: string;
  path: string;
}
