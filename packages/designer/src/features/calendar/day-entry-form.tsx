/** Adding an administrator's day: date, closed or open, a note; errors beside the field. */
import { useEffect, useId, useState } from 'react';
import type { CalendarDay } from './calendar-api';
import { useCalendarText } from './calendar-messages';

export function DayEntryForm({
  date,
  onDate,
  taken,
  onAdd,
}: {
  date: string;
  onDate: (date: string) => void;
  taken: (date: string) => boolean;
  onAdd: (day: CalendarDay) => void;
}) {
  const { ct } = useCalendarText();
  const id = useId();
  const [kind, setKind] = useState<CalendarDay['kind']>('off');
  const [name, setName] = useState('');
  const [error, setError] = useState<{ field: 'date' | 'name'; text: string }>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new date (picked in the grid) clears the last error
  useEffect(() => setError(undefined), [date]);
  const add = () => {
    if (!date) return setError({ field: 'date', text: ct('entry.needDate') });
    if (taken(date)) return setError({ field: 'date', text: ct('entry.taken', { date }) });
    if (!name.trim()) return setError({ field: 'name', text: ct('entry.needName') });
    onAdd({ date, kind, name: name.trim() });
    setName('');
    setError(undefined);
  };
  return (
    <form
      className="cal-entry"
      aria-label={ct('entry.title')}
      onSubmit={(e) => {
        e.preventDefault();
        add();
      }}
    >
      <h3>{ct('entry.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-date`}>{ct('entry.date')}</label>
        <input
          id={`${id}-date`}
          name="date"
          type="date"
          value={date}
          aria-invalid={error?.field === 'date'}
          aria-describedby={error?.field === 'date' ? `${id}-error` : undefined}
          onChange={(e) => onDate(e.target.value)}
        />
        {error?.field === 'date' && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error.text}
          </p>
        )}
      </div>
      <fieldset className="cal-kind">
        <legend>{ct('entry.kind')}</legend>
        {(['off', 'work'] as const).map((k) => (
          <label key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
            {ct(k === 'off' ? 'entry.off' : 'entry.work')}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-name`}>{ct('entry.name')}</label>
        <input
          id={`${id}-name`}
          name="note"
          value={name}
          maxLength={100}
          aria-invalid={error?.field === 'name'}
          aria-describedby={error?.field === 'name' ? `${id}-error` : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {error?.field === 'name' && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error.text}
          </p>
        )}
      </div>
      <button type="submit" className="btn">
        {ct('entry.add')}
      </button>
    </form>
  );
}
