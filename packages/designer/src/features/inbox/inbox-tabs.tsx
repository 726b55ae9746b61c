import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import type { InboxTab, TabCount } from './use-tab-counts';

const TABS: InboxTab[] = ['todo', 'done', 'cc', 'started'];

/** The four inbox sections as links, each with its count. */
export function InboxTabs({ tab, counts }: { tab: InboxTab; counts: Partial<Record<InboxTab, TabCount>> }) {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('inbox.tabs')}>
      {TABS.map((name) => {
        const c = counts[name];
        return (
          <Link
            key={name}
            to={paths.inbox(name)}
            className="tab"
            aria-current={tab === name ? 'page' : undefined}
          >
            {t(`inbox.tab.${name}`)}
            {c && (
              <span className={name === 'todo' && c.count > 0 ? 'count count-strong' : 'count'}>
                {c.more ? `${c.count}+` : c.count}
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
