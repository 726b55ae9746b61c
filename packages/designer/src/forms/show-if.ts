import {
  brokenFieldRules,
  concernsField,
  type FormDefinition,
  hiddenFields,
  withoutFields,
} from '@flowform/engine/browser';
import { type LocalizedError, validateForm } from './client-validator';

type Json = Record<string, unknown>;

/** A form as the web app renders it: schema, UI schema (where show-if conditions live) and labels. */
interface ShownForm {
  schema: Json;
  uiSchema?: Json;
  labels?: FormDefinition['labels'];
}

/** The fields whose show-if is false for the data now (the engine's own rule, so both sides agree). */
export function hiddenNow(form: ShownForm, data: Json): Set<string> {
  return hiddenFields(form, data, new Date().toISOString());
}

/** The UI schema with the given fields rendered hidden. */
export function hideFields(uiSchema: Json, hidden: ReadonlySet<string>): Json {
  if (hidden.size === 0) return uiSchema;
  const ui = { ...uiSchema };
  for (const field of hidden)
    ui[field] = { ...((ui[field] as Json | undefined) ?? {}), 'ui:widget': 'hidden' };
  return ui;
}

/**
 * The client's check of what the person was shown: hidden fields are neither required nor checked
 * (the server drops their values), as the engine does on submit.
 */
export function validateShown(form: ShownForm, data: Json, locale: 'zh-CN' | 'en'): LocalizedError[] {
  const hidden = hiddenNow(form, data);
  const shown = withoutFields(data, hidden);
  const errors = validateForm(form.schema, shown, form.labels, locale).filter(
    (e) => !concernsField(e.path, hidden),
  );
  if (errors.length > 0) return errors;
  // The form's field rules (weights adding up to 100), as the engine checks them on submit.
  return brokenFieldRules(form, shown, new Date().toISOString(), locale, hidden);
}
