/** Form validation: safe JSON Schema checks of submitted data with localised field errors. */
export { checkFormSchema } from './check-form-schema';
export { DATA_LIMITS } from './data-limits';
export { formatMessage } from './error-messages';
export { FormSchemaError } from './form-schema-error';
export type { FieldError, FormValidation, Locale, SchemaProblem } from './form-types';
export type { FormValidator } from './form-validator';
export { createFormValidator } from './form-validator';
export type { MessageSpec } from './message-spec';
export { checkSchemaSafety } from './schema-safety';
