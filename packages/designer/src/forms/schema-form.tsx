import type { FormDefinition } from '@flowform/engine/browser';
import Form from '@rjsf/core/lib/components/Form.js';
import type { RegistryWidgetsType, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { createClientValidator, type LocalizedError, toErrorSchema } from './client-validator';
import type { FlowformFormContext } from './form-context';
import { localizeForm } from './localize-form';
import { rjsfTranslator } from './rjsf-strings';
import { lockComputed, withComputed } from './computed-values';
import { hiddenNow, hideFields } from './show-if';
import { BaseInputTemplate } from './templates/base-input-template';
import { buttonTemplates } from './templates/button-templates';
import { FieldTemplate } from './templates/field-template';
import { UnsupportedField } from './templates/unsupported-field';
import { AttachmentWidget } from './widgets/attachment-widget';
import { UnitWidget } from './widgets/unit-widget';
import { UserWidget } from './widgets/user-widget';

/** Directory references pick their widget by `format` too, so a schema alone brings the picker. */
const widgets: RegistryWidgetsType = {
  user: UserWidget,
  unit: UnitWidget,
  'flowform-user': UserWidget,
  'flowform-unit': UnitWidget,
  attachment: AttachmentWidget,
};
const templates = {
  FieldTemplate,
  BaseInputTemplate,
  ButtonTemplates: buttonTemplates,
  UnsupportedFieldTemplate: UnsupportedField as never,
};

/** A form to render: its schema and UI schema (as the task or start form gives them) and labels. */
export interface RenderableForm {
  key: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  labels?: FormDefinition['labels'];
}

interface Props {
  form: RenderableForm;
  data: Record<string, unknown>;
  onChange: (data: Record<string, unknown>) => void;
  /** A field lost focus (its rjsf id). */
  onBlurField?: (id: string) => void;
  instanceId?: string;
  /** The errors to show beside their fields (client checks of touched fields, server answers). */
  errors?: LocalizedError[];
  disabled?: boolean;
}

/**
 * A JSON Schema form rendered by rjsf in the reader's language: titles, options and messages
 * localised; text from schemas and data is always rendered as text (React escapes it, markdown
 * is switched off). The errors to show come from the caller (see `useFormValidation`).
 */
export function SchemaForm({
  form,
  data: entered,
  onChange,
  onBlurField,
  instanceId,
  errors,
  disabled,
}: Props) {
  const { locale, t } = useI18n();
  // Computed fields show their value live and read-only (the server computes them again on submit).
  const data = withComputed(form, entered);
  // Fields whose show-if is false for the data so far are hidden (and, on submit, dropped by the server).
  const hidden = [...hiddenNow(form, data)].join('\n');
  const localized = useMemo(() => {
    const locked = { ...form, uiSchema: lockComputed(form, form.uiSchema) };
    const shown = hidden
      ? { ...locked, uiSchema: hideFields(locked.uiSchema, new Set(hidden.split('\n'))) }
      : locked;
    return localizeForm(shown, form.labels, locale);
  }, [form, hidden, locale]);
  const validator = useMemo(() => createClientValidator(form.labels, locale), [form.labels, locale]);
  const formContext: FlowformFormContext = { instanceId, locale, t };
  const extraErrors = useMemo(
    () => (errors?.length ? (toErrorSchema(errors) as never) : undefined),
    [errors],
  );
  return (
    <Form
      key={`${form.key}:${locale}`}
      className="ff-form"
      schema={localized.schema as RJSFSchema}
      uiSchema={localized.uiSchema as UiSchema}
      formData={data}
      validator={validator}
      widgets={widgets}
      templates={templates}
      formContext={formContext}
      translateString={rjsfTranslator(locale)}
      extraErrors={extraErrors}
      extraErrorsBlockSubmit={false}
      showErrorList={false}
      noHtml5Validate
      experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      noValidate
      onBlur={(id) => onBlurField?.(id)}
      disabled={disabled}
      onChange={(e) => onChange(withComputed(form, (e.formData ?? {}) as Record<string, unknown>))}
    />
  );
}

/** The fields a submission may carry: the form's own, minus read-only ones (the server refuses those). */
export function formPayload(
  schema: Record<string, unknown>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(data).filter(
      ([k, v]) => Object.hasOwn(props, k) && props[k]?.readOnly !== true && v !== undefined,
    ),
  );
}

/** The case data a form shows: only its own fields. */
export function formInitialData(
  schema: Record<string, unknown>,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(data).filter(([k]) => Object.hasOwn(props, k)));
}
