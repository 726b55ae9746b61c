/**
 * The Node face's fillings of the schema-checker port: ajv — compiled, fast, the server's
 * authority — behind lint and form validation.
 */
import { createAjvChecker } from './forms/ajv-checker';
import { type FormValidator, formValidatorWith } from './forms/form-validator';
import { linterWith } from './lint/lint-definition';

/** Lints a definition; the definition format and form schemas are checked by ajv. */
export const lintDefinition = linterWith(createAjvChecker());

/** A form validator over ajv with its own compile cache; create one per process and share it. */
export function createFormValidator(): FormValidator {
  return formValidatorWith(createAjvChecker());
}
