import type { FieldTemplateProps } from '@rjsf/utils';
import { formContextOf } from '../form-context';

/**
 * One field: label (with a required mark in words for screen readers), description, control,
 * errors (icon + text, linked by aria-describedby through rjsf's ids) and help.
 */
export function FieldTemplate(props: FieldTemplateProps) {
  const {
    id,
    label,
    required,
    displayLabel,
    description,
    errors,
    help,
    children,
    hidden,
    rawErrors,
    readonly,
    schema,
  } = props;
  const { t } = formContextOf(props.registry);
  const options = props.uiSchema?.['ui:options'] as { computed?: unknown } | undefined;
  const computed = typeof options?.computed === 'string';
  if (hidden) return <div hidden>{children}</div>;
  const invalid = (rawErrors?.length ?? 0) > 0;
  const isGroup = schema.type === 'object' || (schema.type === 'array' && !isEnumArray(schema));
  const classes = [
    'ff-field',
    invalid && 'ff-field-invalid',
    readonly && 'ff-field-readonly',
    isGroup && 'ff-group',
  ]
    .filter(Boolean)
    .join(' ');
  const marks = (
    <>
      {required && !readonly && (
        <span className="req">
          <span aria-hidden="true"> *</span>
          <span className="sr-only">（{t('form.required')}）</span>
        </span>
      )}
      {readonly && <span className="tag">{t(computed ? 'form.computed' : 'form.readOnly')}</span>}
    </>
  );
  const widget = props.uiSchema?.['ui:widget'];
  if (displayLabel && label && (widget === 'radio' || widget === 'checkboxes'))
    // a choice among options is a group: its name is the legend, each option has its own label
    return (
      <fieldset className={classes}>
        <legend className="field-label">
          {label}
          {marks}
        </legend>
        {description}
        {children}
        {errors}
        {help}
      </fieldset>
    );
  return (
    <div className={classes}>
      {displayLabel && label && !isGroup && (
        <label htmlFor={id} className="field-label">
          {label}
          {marks}
        </label>
      )}
      {displayLabel && !isGroup && description}
      {children}
      {errors}
      {help}
    </div>
  );
}

const isEnumArray = (schema: FieldTemplateProps['schema']) => {
  const items = schema.items as Record<string, unknown> | undefined;
  return !!items && (Array.isArray(items.enum) || Array.isArray(items.oneOf));
};
