/** The engine's `checkFormSchema` for the browser: its static safety checks, without ajv's trial compile. */
import type { SchemaProblem } from '../../../../../engine/src/forms/form-types';
import { checkSchemaSafety } from '../../../../../engine/src/forms/schema-safety';

export function checkFormSchema(schema: Record<string, unknown>): SchemaProblem[] {
  return checkSchemaSafety(schema);
}
