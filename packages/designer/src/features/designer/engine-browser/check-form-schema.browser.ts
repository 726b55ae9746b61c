/** The engine's `checkFormSchema` for the browser: its static safety checks, without ajv's trial compile. */
import { checkSchemaSafety, type SchemaProblem } from '@flowform/engine';

export function checkFormSchema(schema: Record<string, unknown>): SchemaProblem[] {
  return checkSchemaSafety(schema);
}
