import { api } from '../../api/endpoints';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';

/** The processes I may start, each with its description. */
export function StartPage() {
  const { t, locale } = useI18n();
  const list = useAsync(() => api.startables(), 'startables');
  return (
    <div className="page">
      <h1>{t('start.title')}</h1>
      <p className="muted">{t('start.intro')}</p>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <ErrorState error={list.error} onRetry={list.reload} />}
      {list.data && list.data.items.length === 0 && <Empty>{t('start.none')}</Empty>}
      <ul className="card-list">
        {list.data?.items.map((d) => (
          <li key={d.key} className="card">
            <Link
              to={paths.start(d.key)}
              className="card-link"
              aria-label={t('start.choose', { name: pick(d.name, locale, d.key) })}
            >
              <span className="item-title">{pick(d.name, locale, d.key)}</span>
              <span className="item-text muted">{pick(d.description, locale)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
