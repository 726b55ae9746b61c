import type { AdminCaseItem } from '@flowform/api';
import type { LocalizedText } from '@flowform/engine/browser';
import { useState } from 'react';
import { api } from '../../api/endpoints';
import { useUnits } from '../../api/use-directory';
import { formatDateTime, formatList, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from '../../state/navigation';
import { paths } from '../../state/routes';
import { useMe } from '../../state/session';
import { CaseStatus } from '../../ui/case-status';
import { Banner, Empty, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import {
  type CaseFilter,
  caseFilterFromSearch,
  caseFilterToSearch,
  caseQuery,
  NO_FILTER,
} from './case-filter';
import { LifecycleActions } from './lifecycle-actions';
import { type LifecycleKey, useLifecycleText } from './lifecycle-messages';
import { SuspendedFlag, SuspensionNotice } from './suspension-notice';

/**
 * 所有案件 (administrators): every case newest first, filtered by process, status (suspended too),
 * unit and start date, the filters kept in the address; 挂起 / 恢复 / 取消 from each running row.
 * A confidential case shows only its lifecycle (the server's break-glass view).
 */
export function AllCasesPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const text = useLifecycleText();
  const [filter, setFilterState] = useState<CaseFilter>(() => caseFilterFromSearch(window.location.search));
  const [done, setDone] = useState<string>();
  const setFilter = (f: CaseFilter) => {
    setDone(undefined);
    setFilterState(f);
    window.history.replaceState(null, '', `${window.location.pathname}${caseFilterToSearch(f)}`);
  };
  const [extra, setExtra] = useState<AdminCaseItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const key = caseFilterToSearch(filter);
  const first = useAsync(
    () =>
      api.adminCases(caseQuery(filter)).then((page) => {
        setExtra([]);
        setCursor(page.nextCursor);
        return page.items;
      }),
    `admin-cases${key}`,
  );
  const startables = useAsync(() => api.startables(), 'startables');
  const units = useUnits([]);
  if (!me.isAdmin)
    return (
      <div className="page">
        <p role="alert">{t('error.forbidden')}</p>
      </div>
    );
  const items = [...(first.data ?? []), ...extra];
  const processes = new Map<string, LocalizedText>();
  for (const s of startables.data?.items ?? []) processes.set(s.key, s.name);
  for (const c of items) processes.set(c.definitionKey, c.definitionName);
  const more = async () => {
    const page = await api.adminCases(caseQuery(filter, cursor));
    setExtra((x) => [...x, ...page.items]);
    setCursor(page.nextCursor);
  };
  const statuses: CaseFilter['status'][] = ['running', 'suspended', 'completed', 'cancelled'];
  return (
    <div className="page page-all-cases">
      <h1>{text('title')}</h1>
      <p className="muted">{text('intro')}</p>
      {done && <Banner kind="success">{done}</Banner>}
      <form className="filters" aria-label={text('title')} onSubmit={(e) => e.preventDefault()}>
        <label className="filter">
          <span className="filter-label">{text('process')}</span>
          <select
            value={filter.definitionKey}
            onChange={(e) => setFilter({ ...filter, definitionKey: e.target.value })}
          >
            <option value="">{text('processAll')}</option>
            {[...processes.entries()]
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, name]) => (
                <option key={k} value={k}>
                  {pick(name, locale, k)}
                </option>
              ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{text('status')}</span>
          <select
            value={filter.status}
            onChange={(e) => setFilter({ ...filter, status: e.target.value as CaseFilter['status'] })}
          >
            <option value="">{text('statusAll')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {text(s as LifecycleKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{text('unit')}</span>
          <select value={filter.unit} onChange={(e) => setFilter({ ...filter, unit: e.target.value })}>
            <option value="">{text('unitAll')}</option>
            {(units ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {pick(u.name, locale, u.id)}
              </option>
            ))}
          </select>
        </label>
        <label className="filter">
          <span className="filter-label">{text('from')}</span>
          <input
            type="date"
            value={filter.from}
            max={filter.to || undefined}
            onChange={(e) => setFilter({ ...filter, from: e.target.value })}
          />
        </label>
        <label className="filter">
          <span className="filter-label">{text('to')}</span>
          <input
            type="date"
            value={filter.to}
            min={filter.from || undefined}
            onChange={(e) => setFilter({ ...filter, to: e.target.value })}
          />
        </label>
        {key && (
          <button type="button" className="btn btn-quiet" onClick={() => setFilter(NO_FILTER)}>
            {text('clear')}
          </button>
        )}
      </form>
      {first.loading && !first.data && <Loading />}
      {first.error !== undefined && <ErrorState error={first.error} onRetry={first.reload} />}
      {first.data && items.length === 0 && <Empty>{text('empty')}</Empty>}
      <ul className="rows all-cases">
        {items.map((c) => (
          <CaseRow
            key={c.id}
            item={c}
            onDone={(action) => {
              setDone(`${c.caseNumber ?? c.id} · ${text(`done.${action}`)}`);
              first.reload();
            }}
          />
        ))}
      </ul>
      {cursor && (
        <button type="button" className="btn btn-block" onClick={() => void more()}>
          {text('more')}
        </button>
      )}
    </div>
  );
}

function CaseRow({
  item: c,
  onDone,
}: {
  item: AdminCaseItem;
  onDone: (action: LifecycleKey & ('suspend' | 'resume' | 'cancel')) => void;
}) {
  const { locale } = useI18n();
  const text = useLifecycleText();
  const name = pick(c.definitionName, locale, c.definitionKey);
  const label = c.caseNumber ?? text('caseId', { id: c.id });
  return (
    <li className="row case-row" data-case={c.id} data-access={c.access}>
      <div className="row-main">
        {c.access === 'view' ? (
          <Link to={paths.case(c.id)} className="row-title">
            {name}
          </Link>
        ) : (
          <span className="row-title">{name}</span>
        )}
        <span className="row-process muted">
          {label}
          {c.unit ? ` · ${pick(c.unit.name, locale, c.unit.id)}` : ''}
        </span>
        <span className="row-meta muted">
          {text('startedAt', { date: formatDateTime(locale, c.startedAt) })}
          {c.states.length > 0 &&
            ` · ${text('at', {
              states: formatList(
                locale,
                c.states.map((s) => pick(s, locale)),
              ),
            })}`}
          {c.openTasks > 0 && ` · ${text('openTasks', { n: c.openTasks })}`}
        </span>
        {c.suspension && <SuspensionNotice suspension={c.suspension} />}
      </div>
      <div className="row-flags">
        {c.status === 'suspended' ? <SuspendedFlag /> : <CaseStatus status={c.status} outcome={c.outcome} />}
        {c.access === 'break-glass' && (
          <span className="flag flag-confidential">🔒 {text('restricted')}</span>
        )}
      </div>
      {(c.status === 'running' || c.status === 'suspended') && (
        <LifecycleActions caseId={c.id} suspended={c.status === 'suspended'} onDone={onDone} />
      )}
    </li>
  );
}
