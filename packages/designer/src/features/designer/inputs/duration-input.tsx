/**
 * A duration with its day kind beside it: 自然日 (calendar days, `P3D`) or 工作日 (working days,
 * `P3WD`, counted on the working-day calendar). The text commits on blur; the choice converts the
 * day count at once. Durations that are no day count (`PT4H`, CEL) keep the text only.
 */
import { useId } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { dayKind, durationText, withDayKind } from '../model/duration-text';
import { CommitInput } from './localized-input';

export function DurationInput<T>({
  label,
  name,
  value,
  placeholder,
  onText,
  onSpec,
}: {
  label: string;
  name?: string;
  value: T | undefined;
  placeholder?: string;
  /** The text as typed (empty: none). */
  onText: (text: string) => void;
  /** The same duration in the other day kind. */
  onSpec: (spec: T) => void;
}) {
  const { dt } = useDesignerText();
  const id = useId();
  const kind = value === undefined ? undefined : dayKind(value);
  return (
    <div className="ff-duration">
      <CommitInput
        label={label}
        name={name}
        value={durationText(value)}
        placeholder={placeholder}
        onCommit={onText}
      />
      <div className="ff-field">
        <label htmlFor={id} className="sr-only">
          {dt('duration.unit')}
        </label>
        <select
          id={id}
          name={name ? `${name}-kind` : undefined}
          value={kind ?? 'calendar'}
          disabled={!kind}
          onChange={(e) => value !== undefined && onSpec(withDayKind(value, e.target.value as 'calendar'))}
        >
          <option value="calendar">{dt('duration.calendar')}</option>
          <option value="working">{dt('duration.working')}</option>
        </select>
      </div>
    </div>
  );
}

/** The day kind of a list of durations (reminders): switching converts every day count in it. */
export function DayKindSelect<T>({
  name,
  specs,
  onChange,
}: {
  name: string;
  specs: T[];
  onChange: (next: T[]) => void;
}) {
  const { dt } = useDesignerText();
  const id = useId();
  const kinds = specs.map(dayKind).filter((k) => k !== undefined);
  return (
    <div className="ff-field">
      <label htmlFor={id} className="sr-only">
        {dt('duration.unit')}
      </label>
      <select
        id={id}
        name={name}
        value={kinds.includes('working') ? 'working' : 'calendar'}
        disabled={kinds.length === 0}
        onChange={(e) => onChange(specs.map((s) => withDayKind(s, e.target.value as 'calendar')))}
      >
        <option value="calendar">{dt('duration.calendar')}</option>
        <option value="working">{dt('duration.working')}</option>
      </select>
    </div>
  );
}
