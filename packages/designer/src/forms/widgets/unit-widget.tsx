import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { UnitPicker } from '../../ui/pickers/unit-picker';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A unit of the directory, for fields of format `flowform-unit` (or `ui:widget: unit`): found by
 * name, pinyin or id, shown with its path; the kinds allowed come from the schema's `x-unitKinds`
 * (older forms: `ui:options.kinds`). The value is the unit's id, which the engine checks at submit.
 */
export function UnitWidget(props: WidgetProps) {
  const { id, value, onChange, readonly, disabled, required, options, rawErrors, schema } = props;
  const kinds = strings((schema as Record<string, unknown>)['x-unitKinds'] ?? options.kinds);
  return (
    <UnitPicker
      id={id}
      value={typeof value === 'string' && value ? value : undefined}
      onChange={onChange}
      kinds={kinds}
      label={props.label}
      disabled={disabled || readonly}
      required={required}
      invalid={(rawErrors?.length ?? 0) > 0}
      describedBy={ariaDescribedByIds(id)}
    />
  );
}
