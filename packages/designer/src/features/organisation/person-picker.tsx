import { useId } from 'react';
import type { OrgIndex } from './org-index';
import { useOrgText } from './use-org-text';

/**
 * A person by username, with suggestions by name (the browser's list filters as one types: 刘, liu,
 * com3a); `error` is shown under the field.
 */
export function PersonPicker({
  index,
  label,
  value,
  onChange,
  error,
  name,
}: {
  index: OrgIndex;
  label: string;
  value: string;
  onChange: (username: string) => void;
  error?: string;
  name: string;
}) {
  const { locale } = useOrgText();
  const list = useId();
  const errorId = useId();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        name={name}
        list={list}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value.trim())}
      />
      <datalist id={list}>
        {index.org.people
          .filter((p) => p.active)
          .map((p) => (
            <option key={p.username} value={p.username}>
              {`${p.displayName[locale]} · ${p.displayName[locale === 'en' ? 'zh-CN' : 'en']}`}
            </option>
          ))}
      </datalist>
      {error && (
        <span className="error-text" id={errorId}>
          {error}
        </span>
      )}
    </label>
  );
}

/** The reason a picked username cannot be used, or undefined. */
export function personError(
  index: OrgIndex,
  username: string,
  ot: (k: 'field.required' | 'field.unknownPerson') => string,
) {
  if (!username) return ot('field.required');
  return index.person(username)?.active ? undefined : ot('field.unknownPerson');
}
