import type { DirectoryUser } from '@flowform/api';
import { useState } from 'react';
import { usePeople } from '../../api/people';
import { useUserSearch } from '../../api/use-directory';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Combobox } from '../combobox';

interface Props {
  id?: string;
  /** Usernames chosen so far (at most one unless `multiple`). */
  value: string[];
  onChange: (usernames: string[]) => void;
  multiple?: boolean;
  /** Only people holding one of these roles are offered. */
  roles?: string[];
  label?: string;
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

const named = (name: string, username: string, locale: 'zh-CN' | 'en') =>
  locale === 'en' ? `${name} (${username})` : `${name}（${username}）`;

/** "区领导 · 采油管理四区": what tells two people of the same name apart. */
function whereabouts(user: DirectoryUser, locale: 'zh-CN' | 'en'): string {
  return user.roles
    .slice(0, 2)
    .map((r) => `${pick(r.roleName, locale, r.role)} · ${pick(r.unitPath, locale, r.unit)}`)
    .join('；');
}

/**
 * Picks people from the directory by name, pinyin (liu, lyg) or username, as they are typed: each
 * suggestion shows the name and the person's role and unit; the value is the usernames. Chosen
 * people show as chips that can be removed. Without a directory, usernames are typed.
 */
export function PersonPicker(props: Props) {
  const { value, onChange, multiple } = props;
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const users = useUserSearch(text, props.roles ?? []);
  const [known, setKnown] = useState<Record<string, DirectoryUser>>({});
  const nameOf = usePeople(value);
  const label = (username: string) => {
    const user = known[username];
    if (!user) return nameOf(username, locale);
    return named(pick(user.displayName, locale, username), username, locale);
  };
  if (users === null)
    return (
      <input
        id={props.id}
        className="form-control"
        aria-label={props.label}
        value={value.join(', ')}
        placeholder={t('form.user.noDirectory')}
        autoCapitalize="none"
        spellCheck={false}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => onChange([...new Set(e.target.value.split(/[\s,，;；、]+/).filter(Boolean))])}
      />
    );
  const options = users
    ?.filter((u) => !value.includes(u.username))
    .map((u) => ({
      key: u.username,
      primary: named(pick(u.displayName, locale, u.username), u.username, locale),
      secondary: whereabouts(u, locale),
    }));
  return (
    <div className="picker">
      {value.length > 0 && (
        <ul className="chips" aria-label={t('picker.chosen')}>
          {value.map((username) => (
            <li key={username} className="chip">
              <span>{label(username)}</span>
              {!props.disabled && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t('picker.remove', { name: label(username) })}
                  onClick={() => onChange(value.filter((v) => v !== username))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {(multiple || value.length === 0 || text !== '') && (
        <Combobox
          id={props.id}
          label={props.label}
          text={text}
          onText={setText}
          options={options}
          onPick={(username) => {
            const user = users?.find((u) => u.username === username);
            if (user) setKnown((k) => ({ ...k, [username]: user }));
            onChange(multiple ? [...value, username] : [username]);
            setText('');
          }}
          placeholder={t('form.user.placeholder')}
          emptyText={t('form.user.none')}
          searchingText={t('picker.searching')}
          disabled={props.disabled}
          required={props.required && value.length === 0}
          invalid={props.invalid}
          describedBy={props.describedBy}
        />
      )}
    </div>
  );
}
