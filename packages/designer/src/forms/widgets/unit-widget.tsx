import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { pick } from '../../i18n/format';
import { formContextOf } from '../form-context';
import { useUnits } from './use-directory';

/**
 * A unit of the directory (`ui:options.kinds`: branch, station, patch…), chosen from a list.
 * Without a directory endpoint the user types the unit's id.
 */
export function UnitWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, readonly, disabled, required, options, rawErrors } = props;
  const { t, locale } = formContextOf(props.registry);
  const kinds = Array.isArray(options.kinds)
    ? options.kinds.filter((k): k is string => typeof k === 'string')
    : [];
  const units = useUnits(kinds);
  const common = {
    id,
    className: 'form-control',
    disabled: disabled || readonly,
    required,
    'aria-invalid': (rawErrors?.length ?? 0) > 0 || undefined,
    'aria-describedby': ariaDescribedByIds(id),
  };
  if (units === null)
    return (
      <input
        {...common}
        value={typeof value === 'string' ? value : ''}
        placeholder={t('form.unit.noDirectory')}
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value.trim() || undefined)}
        onBlur={() => onBlur(id, value)}
      />
    );
  return (
    <select
      {...common}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value || undefined)}
      onBlur={() => onBlur(id, value)}
    >
      <option value="">{units === undefined ? '…' : t('form.unit.placeholder')}</option>
      {(units ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {pick(u.name, locale, u.id)}
        </option>
      ))}
      {typeof value === 'string' && value && units && !units.some((u) => u.id === value) && (
        <option value={value}>{value}</option>
      )}
    </select>
  );
}
