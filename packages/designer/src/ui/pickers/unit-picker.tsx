import type { DirectoryUnit } from '@flowform/api';
import { useState } from 'react';
import { useUnitSearch, useUnits } from '../../api/use-directory';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Combobox } from '../combobox';

interface Props {
  id?: string;
  /** The chosen unit's id. */
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Only units of these kinds are offered. */
  kinds?: string[];
  label?: string;
  disabled?: boolean;
  required?: boolean;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * Picks a unit of the directory by name, pinyin or id as it is typed; each suggestion shows the
 * unit's path (第一党支部 / 101计量站). The value is the unit's id. Without a directory, ids are typed.
 */
export function UnitPicker(props: Props) {
  const { value, onChange } = props;
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const units = useUnitSearch(text, props.kinds ?? []);
  const all = useUnits([]);
  const [known, setKnown] = useState<DirectoryUnit>();
  if (units === null)
    return (
      <input
        id={props.id}
        className="form-control"
        aria-label={props.label}
        value={value ?? ''}
        placeholder={t('form.unit.noDirectory')}
        autoCapitalize="none"
        spellCheck={false}
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        onChange={(e) => onChange(e.target.value.trim() || undefined)}
      />
    );
  const chosen = value ? (known?.id === value ? known : all?.find((u) => u.id === value)) : undefined;
  const chosenText = chosen ? pick(chosen.path ?? chosen.name, locale, chosen.id) : value;
  return (
    <div className="picker">
      {value ? (
        <ul className="chips" aria-label={t('picker.chosen')}>
          <li className="chip">
            <span>{chosenText}</span>
            {!props.disabled && (
              <button
                type="button"
                className="chip-remove"
                aria-label={t('picker.remove', { name: chosenText ?? '' })}
                onClick={() => onChange(undefined)}
              >
                ×
              </button>
            )}
          </li>
        </ul>
      ) : (
        <Combobox
          id={props.id}
          label={props.label}
          text={text}
          onText={setText}
          options={units?.map((u) => ({
            key: u.id,
            primary: pick(u.name, locale, u.id),
            secondary: pick(u.path, locale, u.id),
          }))}
          onPick={(id) => {
            setKnown(units?.find((u) => u.id === id));
            onChange(id);
            setText('');
          }}
          placeholder={t('form.unit.search')}
          emptyText={t('form.unit.none')}
          searchingText={t('picker.searching')}
          disabled={props.disabled}
          required={props.required}
          invalid={props.invalid}
          describedBy={props.describedBy}
        />
      )}
    </div>
  );
}
