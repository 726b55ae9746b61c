import type { LocalizedText } from '@flowform/engine/browser';
import { type FormEvent, useState } from 'react';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import type { InboxFilter } from './inbox-filter';

interface Props {
  filter: InboxFilter;
  onChange: (filter: InboxFilter) => void;
  processes: [string, LocalizedText][];
  showDue: boolean;
}

/** Search, process, due window, date range and order; the search applies on submit (Enter). */
export function InboxFilters({ filter, onChange, processes, showDue }: Props) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState(filter.q);
  const [lastQ, setLastQ] = useState(filter.q);
  if (filter.q !== lastQ) {
    setLastQ(filter.q);
    setQ(filter.q);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...filter, q });
  };
  return (
    <form className="filters" aria-label={t('inbox.search')} onSubmit={submit}>
      <div className="filters-search-row">
        <label className="filter filter-search">
          <span className="sr-only">{t('inbox.search')}</span>
          <input
            id="inbox-search"
            type="search"
            value={q}
            maxLength={100}
            placeholder={t('inbox.searchPlaceholder')}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowDown') return;
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-row]')?.focus();
            }}
            onBlur={() => q !== filter.q && onChange({ ...filter, q })}
          />
        </label>
        <button type="submit" className="btn">
          {t('inbox.search')}
        </button>
      </div>
      <label className="filter">
        <span className="filter-label">{t('inbox.process')}</span>
        <select
          value={filter.definitionKey}
          onChange={(e) => onChange({ ...filter, definitionKey: e.target.value })}
        >
          <option value="">{t('inbox.process.all')}</option>
          {processes.map(([key, name]) => (
            <option key={key} value={key}>
              {pick(name, locale, key)}
            </option>
          ))}
        </select>
      </label>
      {showDue && (
        <label className="filter">
          <span className="filter-label">{t('inbox.due')}</span>
          <select
            value={filter.due}
            onChange={(e) => onChange({ ...filter, due: e.target.value as InboxFilter['due'] })}
          >
            <option value="">{t('inbox.due.all')}</option>
            <option value="soon">{t('inbox.due.soon')}</option>
            <option value="overdue">{t('inbox.due.overdue')}</option>
          </select>
        </label>
      )}
      <label className="filter">
        <span className="filter-label">{t('inbox.from')}</span>
        <input
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => onChange({ ...filter, from: e.target.value })}
        />
      </label>
      <label className="filter">
        <span className="filter-label">{t('inbox.to')}</span>
        <input
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => onChange({ ...filter, to: e.target.value })}
        />
      </label>
      <label className="filter">
        <span className="filter-label">{t('inbox.sort')}</span>
        <select
          value={filter.sort}
          title={filter.sort === 'due' ? t('inbox.sortNote') : undefined}
          onChange={(e) => onChange({ ...filter, sort: e.target.value as InboxFilter['sort'] })}
        >
          <option value="newest">{t('inbox.sort.newest')}</option>
          <option value="oldest">{t('inbox.sort.oldest')}</option>
          <option value="due">{t('inbox.sort.due')}</option>
        </select>
      </label>
    </form>
  );
}
