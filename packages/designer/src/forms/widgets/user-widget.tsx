import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useId, useState } from 'react';
import { pick } from '../../i18n/format';
import { formContextOf } from '../form-context';
import { useUserSearch } from './use-directory';

const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A person from the directory (`ui:options.roles` narrows the list): type a name or username and
 * pick a suggestion; the value is the username. Without a directory endpoint, a username box.
 */
export function UserWidget(props: WidgetProps) {
  const { id, value, onChange, onBlur, readonly, disabled, required, options, rawErrors } = props;
  const { t, locale } = formContextOf(props.registry);
  const [text, setText] = useState<string>(typeof value === 'string' ? value : '');
  const users = useUserSearch(text, strings(options.roles));
  const listId = useId();
  const chosen = users?.find((u) => u.username === value);
  return (
    <>
      <input
        id={id}
        className="form-control"
        value={text}
        list={users ? listId : undefined}
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        readOnly={readonly}
        disabled={disabled}
        required={required}
        placeholder={users === null ? t('form.user.noDirectory') : t('form.user.placeholder')}
        aria-invalid={(rawErrors?.length ?? 0) > 0 || undefined}
        aria-describedby={ariaDescribedByIds(id)}
        onChange={(e) => {
          setText(e.target.value);
          const exact = users?.find((u) => u.username === e.target.value.trim());
          onChange(exact ? exact.username : e.target.value.trim() || undefined);
        }}
        onBlur={() => onBlur(id, value)}
      />
      {users && (
        <datalist id={listId}>
          {users.map((u) => (
            <option key={u.username} value={u.username}>
              {pick(u.displayName, locale, u.username)}
            </option>
          ))}
        </datalist>
      )}
      {chosen && <span className="muted small">{pick(chosen.displayName, locale, chosen.username)}</span>}
    </>
  );
}
