/**
 * The browser face's fillings of the schema-checker port: the interpreter, which never generates
 * code, so the web app runs under a CSP without 'unsafe-eval' and still answers as the server does.
 */
import { type FormValidator, formValidatorWith } from './forms/form-validator';
import { createInterpretingChecker } from './forms/interpreter/interpreting-checker';
import { linterWith } from './lint/lint-definition';

/** Lints a definition; the definition format and form schemas are checked by the interpreter. */
export const lintDefinition = linterWith(createInterpretingChecker());

/** A form validator over the interpreter with its own cache. */
export function createFormValidator(): FormValidator {
  return formValidatorWith(createInterpretingChecker());
}
