/**
 * Form validation: safe JSON Schema checks of submitted data with localised field errors. Nothing
 * here loads ajv: the schema checking is a port (schema-checker.ts) each entry fills in.
 */
export { checkFormSchema } from './check-form-schema';
export { DATA_LIMITS } from './data-limits';
export { displayValue, formatMessage } from './error-messages';
export { fieldLabel, type LabelContext, labelEntry, optionLabel, schemaAt } from './field-labels';
export { brokenFieldRules, fieldRules } from './field-rules';
export { FormSchemaError } from './form-schema-error';
export type { FieldError, FormValidation, Locale, SchemaProblem } from './form-types';
export { type FormValidator, formValidatorWith } from './form-validator';
export { createInterpretingChecker } from './interpreter/interpreting-checker';
export { schemaPartErrors } from './interpreter/schema-part-check';
export { parsePointer, pointer } from './json-pointer';
export { isReferenceFormat, REFERENCE_FORMATS, type ReferenceFormat } from './known-formats';
export type { MessageSpec } from './message-spec';
export { checkReferences, personError } from './reference-check';
export type { DataCheck, SchemaChecker, SchemaError } from './schema-checker';
export { checkSchemaSafety } from './schema-safety';
export { isSchemaObject } from './schema-walk';
export { concernsField, hiddenFields, withoutFields } from './show-if';
export {
  findUnstorableText,
  type UnstorableReason,
  type UnstorableText,
  unstorableReason,
} from './storable-text';
