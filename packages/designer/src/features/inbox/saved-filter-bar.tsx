import { type FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { useMe } from '../../state/session';
import { type InboxFilter, isFiltered } from './inbox-filter';
import { loadSavedFilters, type SavedFilter, storeSavedFilters } from './saved-filters';

/** Named filters the user kept: apply with one tap, save the current one, delete. */
export function SavedFilterBar({
  filter,
  onApply,
}: {
  filter: InboxFilter;
  onApply: (f: InboxFilter) => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const [items, setItems] = useState<SavedFilter[]>([]);
  const [where, setWhere] = useState<'server' | 'device'>('device');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  useEffect(() => {
    void loadSavedFilters(me.username).then((r) => {
      setItems(r.items);
      setWhere(r.where);
    });
  }, [me.username]);
  const update = (next: SavedFilter[]) => {
    setItems(next);
    void storeSavedFilters(me.username, next, where);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    update([...items.filter((i) => i.name !== name.trim()), { name: name.trim(), filter }]);
    setNaming(false);
    setName('');
  };
  return (
    <section className="saved-filters" aria-label={t('inbox.saved')}>
      <span className="filter-label">{t('inbox.saved')}</span>
      {items.length === 0 && <span className="muted">{t('inbox.saved.none')}</span>}
      <ul className="chips">
        {items.map((item) => (
          <li key={item.name} className="chip">
            <button
              type="button"
              className="chip-main"
              aria-label={t('inbox.saved.apply', { name: item.name })}
              onClick={() => onApply(item.filter)}
            >
              {item.name}
            </button>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('inbox.saved.remove', { name: item.name })}
              onClick={() => update(items.filter((i) => i !== item))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming ? (
        <form onSubmit={save} className="inline-form">
          <label>
            <span className="sr-only">{t('inbox.saved.name')}</span>
            <input
              // biome-ignore lint/a11y/noAutofocus: the user just asked to name the filter
              autoFocus
              value={name}
              maxLength={40}
              placeholder={t('inbox.saved.name')}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit" className="btn btn-small">
            {t('inbox.saved.save')}
          </button>
        </form>
      ) : (
        isFiltered(filter) && (
          <button type="button" className="btn btn-small" onClick={() => setNaming(true)}>
            {t('inbox.saved.save')}
          </button>
        )
      )}
      {where === 'device' && items.length > 0 && (
        <span className="muted small">{t('inbox.saved.local')}</span>
      )}
    </section>
  );
}
