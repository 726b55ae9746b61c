import { ariaDescribedByIds, type BaseInputTemplateProps, getInputProps } from '@rjsf/utils';
import type { ChangeEvent, FocusEvent } from 'react';
import { formContextOf } from '../form-context';

/**
 * Text, number and date inputs. Numbers get a numeric keyboard on phones and, with
 * `ui:options.unit` (元), a unit after the box; invalid inputs say so with aria-invalid.
 */
export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const {
    id,
    htmlName,
    value,
    readonly,
    disabled,
    autofocus,
    onBlur,
    onFocus,
    onChange,
    onChangeOverride,
    options,
    schema,
    rawErrors,
    type,
    placeholder,
    required,
  } = props;
  const { t } = formContextOf(props.registry);
  const inputProps = getInputProps(schema, type, options);
  const numeric = inputProps.type === 'number' || inputProps.type === 'integer';
  const inputValue = numeric ? (value || value === 0 ? value : '') : (value ?? '');
  const unit =
    typeof options.unit === 'string' ? (options.unit === '元' ? t('form.yuan') : options.unit) : undefined;
  const change = ({ target }: ChangeEvent<HTMLInputElement>) =>
    onChange(target.value === '' ? options.emptyValue : target.value);
  const input = (
    <input
      id={id}
      name={htmlName || id}
      className="form-control"
      readOnly={readonly}
      disabled={disabled}
      // biome-ignore lint/a11y/noAutofocus: only when the form definition asks for it
      autoFocus={autofocus}
      placeholder={placeholder}
      required={required}
      value={inputValue}
      {...inputProps}
      inputMode={numeric ? (schema.type === 'integer' ? 'numeric' : 'decimal') : undefined}
      aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={onChangeOverride || change}
      onBlur={(e: FocusEvent<HTMLInputElement>) => onBlur(id, e.target.value)}
      onFocus={(e: FocusEvent<HTMLInputElement>) => onFocus(id, e.target.value)}
    />
  );
  if (!unit) return input;
  return (
    <span className="input-with-unit">
      {input}
      <span className="input-unit" aria-hidden="true">
        {unit}
      </span>
    </span>
  );
}
