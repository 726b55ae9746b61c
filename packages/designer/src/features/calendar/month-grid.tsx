/** One month of the year as a Monday-first grid; each day coloured by its kind, named for screen readers. */
import type { CalendarDay } from './calendar-api';
import { type DayInfo, dayInfo, daysInMonth, isoDate, weekdayOf } from './calendar-days';
import { type CalendarKey, useCalendarText } from './calendar-messages';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function MonthGrid({
  year,
  month,
  pkg,
  own,
  selected,
  onPick,
}: {
  year: number;
  month: number;
  pkg: ReadonlyMap<string, CalendarDay>;
  own: ReadonlyMap<string, CalendarDay>;
  selected: string;
  onPick: (day: DayInfo) => void;
}) {
  const { ct, locale } = useCalendarText();
  const title = new Intl.DateTimeFormat(locale, {
    month: locale === 'en' ? 'long' : 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, 1));
  const count = daysInMonth(year, month);
  const lead = weekdayOf(isoDate(year, month, 1));
  const days = Array.from({ length: count }, (_, i) => dayInfo(isoDate(year, month, i + 1), pkg, own));
  const heads = [...ct('weekdays')];
  return (
    <section className="cal-month" aria-label={title}>
      <h3>{title}</h3>
      <div className="cal-grid">
        {WEEKDAYS.map((w, i) => (
          <span key={w} className="cal-head" aria-hidden="true">
            {heads[i]}
          </span>
        ))}
        {days.map((d) => (
          <button
            key={d.date}
            type="button"
            className={`cal-day cal-${d.kind}${d.date === selected ? ' cal-selected' : ''}`}
            style={d.date.endsWith('-01') ? { gridColumnStart: lead + 1 } : undefined}
            aria-pressed={d.date === selected}
            title={d.name}
            aria-label={ct('dayLabel', {
              date: d.date,
              kind: ct(`legend.${d.kind}` as CalendarKey),
              name: d.name ? ` ${d.name}` : '',
            })}
            data-date={d.date}
            onClick={() => onPick(d)}
          >
            {Number(d.date.slice(8))}
          </button>
        ))}
      </div>
    </section>
  );
}
