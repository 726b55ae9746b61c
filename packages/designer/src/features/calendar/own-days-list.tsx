/** The administrator's own days of the shown year, each removable. */
import type { CalendarDay } from './calendar-api';
import { useCalendarText } from './calendar-messages';

export function OwnDaysList({ days, onRemove }: { days: CalendarDay[]; onRemove: (date: string) => void }) {
  const { ct } = useCalendarText();
  return (
    <section className="cal-own" aria-label={ct('own.title', { count: days.length })}>
      <h3>{ct('own.title', { count: days.length })}</h3>
      {days.length === 0 && <p className="muted">{ct('own.none')}</p>}
      <ul>
        {days.map((d) => (
          <li key={d.date} className={`cal-own-${d.kind}`}>
            <span>
              <time dateTime={d.date}>{d.date}</time> · {ct(d.kind === 'off' ? 'entry.off' : 'entry.work')} ·{' '}
              {d.name}
            </span>
            <button type="button" className="btn btn-small" onClick={() => onRemove(d.date)}>
              {ct('own.remove', { date: d.date })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
