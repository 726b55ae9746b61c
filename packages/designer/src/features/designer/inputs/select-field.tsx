/** A labelled select that also shows a current value missing from its options (as the definition has it). */
import { useId } from 'react';

export function SelectField({
  label,
  value,
  options,
  onChange,
  name,
}: {
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="ff-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {!options.some(([v]) => v === value) && <option value={value}>{value || '—'}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
