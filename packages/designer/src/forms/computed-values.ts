import { computeFormValues, formComputed } from '@flowform/engine/browser';

type Json = Record<string, unknown>;

/** A form as far as its computed fields go: schema and UI schema (where `ui:options.computed` lives). */
interface ComputingForm {
  schema: Json;
  uiSchema?: Json;
}

/**
 * The data with the form's computed fields computed as the person types: the engine's own function
 * and expressions, so what is shown is what the server stores.
 */
export function withComputed(form: ComputingForm, data: Json): Json {
  // A form without computed fields keeps its data object (a new one each render would re-render the
  // form and take the focus away from the field an error pointed at).
  if (Object.keys(formComputed(form)).length === 0) return data;
  return computeFormValues(form, data, new Date().toISOString()).data;
}

/** The UI schema with each computed field read-only: nobody types a value the engine replaces. */
export function lockComputed(form: ComputingForm, uiSchema: Json): Json {
  const fields = Object.keys(formComputed(form));
  if (fields.length === 0) return uiSchema;
  const ui = { ...uiSchema };
  for (const field of fields) ui[field] = { ...((ui[field] as Json | undefined) ?? {}), 'ui:readonly': true };
  return ui;
}
