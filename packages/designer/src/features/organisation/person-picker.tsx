import { useId } from 'react';
import { PersonPicker as DirectoryPersonPicker } from '../../ui/pickers/person-picker';
import type { OrgIndex } from './org-index';

/**
 * One person for an organisation edit, found as in every other picker: by name, pinyin (liu, qhw)
 * or username, each suggestion with the person's role and unit; `error` is shown under the field.
 */
export function PersonPicker({
  label,
  value,
  onChange,
  error,
  name,
}: {
  label: string;
  value: string;
  onChange: (username: string) => void;
  error?: string;
  name: string;
}) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field" data-picker={name}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <DirectoryPersonPicker
        id={id}
        label={label}
        value={value ? [value] : []}
        onChange={(picked) => onChange(picked[0] ?? '')}
        invalid={Boolean(error)}
        describedBy={error ? errorId : undefined}
      />
      {error && (
        <span className="error-text" id={errorId}>
          {error}
        </span>
      )}
    </div>
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
