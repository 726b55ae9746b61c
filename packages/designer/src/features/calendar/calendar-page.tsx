/**
 * The working-day calendar (administrators): a year of months coloured by day kind — the package's
 * public holidays and 调休 make-up days, the administrators' closures and extra working days — the
 * administrators' own days added or removed with a note, saved as a new calendar version.
 */
import './calendar.css';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/http';
import { formatDateTime } from '../../i18n/format';
import { useMe } from '../../state/session';
import { Banner, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { type CalendarDay, type CalendarView, calendarApi } from './calendar-api';
import { byDate, type DayKind, workingDayCount } from './calendar-days';
import { type CalendarKey, useCalendarText } from './calendar-messages';
import { DayEntryForm } from './day-entry-form';
import { MonthGrid } from './month-grid';
import { OwnDaysList } from './own-days-list';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const KINDS: DayKind[] = ['work', 'weekend', 'holiday', 'makeUp', 'closure', 'extraWork'];

/** The year shown first: this year in Beijing. */
const thisYear = () => Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

export function CalendarPage() {
  const me = useMe();
  const { ct } = useCalendarText();
  const view = useAsync(() => calendarApi.read(), 'calendar');
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState<Notice>();
  if (!me.isAdmin) return <div className="page">{ct('adminOnly')}</div>;
  if (view.error !== undefined && !view.data) return <ErrorState error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading />;
  // a new version starts a fresh editor; the year shown and the last notice stay
  return (
    <CalendarEditor
      key={view.data.version}
      saved={view.data}
      onReload={view.reload}
      year={year}
      setYear={setYear}
      notice={notice}
      setNotice={setNotice}
    />
  );
}

type Notice = { kind: 'success' | 'error'; text: string };

function CalendarEditor({
  saved,
  onReload,
  year,
  setYear,
  notice,
  setNotice,
}: {
  saved: CalendarView;
  onReload: () => void;
  year: number;
  setYear: (year: number) => void;
  notice: Notice | undefined;
  setNotice: (notice: Notice | undefined) => void;
}) {
  const { ct, locale } = useCalendarText();
  const [days, setDays] = useState<CalendarDay[]>(saved.days);
  const [selected, setSelected] = useState('');
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const pkgYear = useAsync(() => calendarApi.packageYear(year), `package-${year}`);
  const pkg = useMemo(
    () => byDate(pkgYear.data?.year === year ? pkgYear.data.days : []),
    [pkgYear.data, year],
  );
  const own = useMemo(() => byDate(days), [days]);
  const ofYear = days
    .filter((d) => d.date.startsWith(`${year}-`))
    .sort((a, b) => a.date.localeCompare(b.date));
  const changes = changeCount(saved.days, days);
  const covered = year >= saved.packageYears.from && year <= saved.packageYears.to;
  const save = async () => {
    setSaving(true);
    setNotice(undefined);
    try {
      const next = await calendarApi.save({
        days: [...days].sort((a, b) => a.date.localeCompare(b.date)),
        expectedVersion: saved.version,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      setNotice({ kind: 'success', text: ct('save.done', { version: next.version }) });
      onReload();
    } catch (error) {
      const text =
        error instanceof ApiError && error.status === 409
          ? ct('save.conflict')
          : error instanceof Error
            ? error.message
            : String(error);
      setNotice({ kind: 'error', text });
    } finally {
      setSaving(false);
    }
  };
  return (
    <div className="page cal-page">
      <h1>{ct('title')}</h1>
      <p className="muted">{ct('intro')}</p>
      <div className="cal-toolbar">
        <button type="button" className="btn btn-small" onClick={() => setYear(year - 1)}>
          ‹ {ct('prevYear')}
        </button>
        <strong aria-live="polite" className="cal-year">
          {year}
        </strong>
        <button type="button" className="btn btn-small" onClick={() => setYear(year + 1)}>
          {ct('nextYear')} ›
        </button>
        <span className="muted">
          {ct('summary', { year, count: workingDayCount(year, pkg, own) })} ·{' '}
          {ct('version', { version: saved.version })}
        </span>
      </div>
      {!covered && (
        <Banner kind="info">
          {ct('notInPackage', { from: saved.packageYears.from, to: saved.packageYears.to, year })}
        </Banner>
      )}
      <ul className="cal-legend">
        {KINDS.map((k) => (
          <li key={k}>
            <span className={`cal-swatch cal-${k}`} aria-hidden="true" /> {ct(`legend.${k}` as CalendarKey)}
          </li>
        ))}
      </ul>
      <div className="cal-layout">
        <div className="cal-months">
          {MONTHS.map((month) => (
            <MonthGrid
              key={month}
              year={year}
              month={month}
              pkg={pkg}
              own={own}
              selected={selected}
              onPick={(d) => setSelected(d.date)}
            />
          ))}
        </div>
        <aside className="cal-side">
          <DayEntryForm
            date={selected}
            onDate={setSelected}
            taken={(date) => own.has(date)}
            onAdd={(day) => setDays([...days, day])}
          />
          <OwnDaysList days={ofYear} onRemove={(date) => setDays(days.filter((d) => d.date !== date))} />
          <div className="cal-save">
            {changes > 0 && <p>{ct('save.unsaved', { count: changes })}</p>}
            <div className="field">
              <label htmlFor="cal-comment">{ct('save.comment')}</label>
              <input
                id="cal-comment"
                value={comment}
                maxLength={500}
                onChange={(e) => setComment(e.target.value)}
              />
            </div>
            <button
              type="button"
              className="btn btn-primary"
              disabled={saving || changes === 0}
              onClick={save}
            >
              {saving ? ct('save.saving') : ct('save.button')}
            </button>
            {notice && <Banner kind={notice.kind}>{notice.text}</Banner>}
          </div>
          <section className="cal-history">
            <h3>{ct('history')}</h3>
            <ul>
              {saved.history.map((h) => (
                <li key={h.version}>
                  {ct('historyRow', {
                    version: h.version,
                    who: h.changedBy,
                    when: formatDateTime(locale, h.changedAt),
                    days: h.days,
                    comment: h.comment ? `· ${h.comment}` : '',
                  })}
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}

/** Days added, removed or changed against the saved version. */
function changeCount(before: CalendarDay[], after: CalendarDay[]): number {
  const a = byDate(before);
  const b = byDate(after);
  let n = 0;
  for (const [date, day] of b) if (JSON.stringify(a.get(date)) !== JSON.stringify(day)) n++;
  for (const date of a.keys()) if (!b.has(date)) n++;
  return n;
}
