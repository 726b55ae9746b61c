import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { PersonPicker } from '../../ui/pickers/person-picker';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A person from the directory, for fields of format `flowform-user` (or `ui:widget: user`): found
 * by name, pinyin or username; the roles allowed come from the schema's `x-roles` (older forms:
 * `ui:options.roles`). The value is the username, which the engine checks at submit.
 */
export function UserWidget(props: WidgetProps) {
  const { id, value, onChange, readonly, disabled, required, options, rawErrors, schema } = props;
  const roles = strings((schema as Record<string, unknown>)['x-roles'] ?? options.roles);
  return (
    <PersonPicker
      id={id}
      value={typeof value === 'string' && value ? [value] : []}
      onChange={(names) => onChange(names[0])}
      roles={roles}
      label={props.label}
      disabled={disabled || readonly}
      required={required}
      invalid={(rawErrors?.length ?? 0) > 0}
      describedBy={ariaDescribedByIds(id)}
    />
  );
}
