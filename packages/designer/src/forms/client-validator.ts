import {
  createFormValidator,
  type FormDefinition,
  FormSchemaError,
  type Locale,
  parsePointer,
  schemaPartErrors,
} from '@flowform/engine/browser';
import {
  ErrorSchemaBuilder,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';

/** A field error in the reader's language, with its JSON pointer (as the server sends them). */
export interface LocalizedError {
  path: string;
  message: string;
}

/** The engine's form validator over its interpreter: no code generation, so the CSP needs no 'unsafe-eval'. */
const validator = createFormValidator();

/** Checks data against a form schema exactly as the server does, with the server's wording. */
export function validateForm(
  schema: Record<string, unknown>,
  data: unknown,
  labels: FormDefinition['labels'],
  locale: Locale,
): LocalizedError[] {
  try {
    const result = validator.validateSchema(schema, data ?? {}, locale, labels);
    return result.ok ? [] : result.errors.map(({ path, message }) => ({ path, message }));
  } catch (error) {
    // A schema the engine refuses (one still being drawn in the designer): lint names its problems.
    if (error instanceof FormSchemaError) return [];
    throw error;
  }
}

/** Server or client errors as rjsf's error schema (nested `__errors`). */
export function toErrorSchema(errors: LocalizedError[]) {
  const builder = new ErrorSchemaBuilder();
  for (const e of errors) {
    const segments = parsePointer(e.path);
    builder.addErrors(e.message, segments.length ? segments : undefined);
  }
  return builder.ErrorSchema;
}

/** Whether data fits a part of the form (rjsf asks, to pick a oneOf option or follow an if). */
function fits(schema: RJSFSchema, data: unknown, root: RJSFSchema): boolean {
  try {
    return (
      schemaPartErrors(schema as Record<string, unknown>, data, root as Record<string, unknown>).length === 0
    );
  } catch {
    return false;
  }
}

/**
 * rjsf's validator interface over the engine's interpreting validator: no code generation, so the
 * CSP needs no 'unsafe-eval' (rjsf's ajv8 validator compiles schemas with `new Function`).
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
    isValid: fits,
    rawValidation(schema, formData) {
      try {
        return { errors: [...schemaPartErrors(schema as Record<string, unknown>, formData)] as never[] };
      } catch (error) {
        return { validationError: error as Error };
      }
    },
  };
}
