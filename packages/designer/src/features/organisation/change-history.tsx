import { useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { describeOp, personName } from './describe-op';
import type { OrgIndex } from './org-index';
import { type DirectoryOp, type DirectoryVersion, organisationApi } from './organisation-api';
import { useOrgText } from './use-org-text';

/** The directory versions, newest first: when, who, from where, how many operations; each opens. */
export function ChangeHistory({ index }: { index: OrgIndex }) {
  const { ot } = useOrgText();
  const [before, setBefore] = useState<string[]>([]);
  const pages = useAsync(
    async () => Promise.all([undefined, ...before].map((b) => organisationApi.versions(b))),
    `${index.org.version}:${before.join(',')}`,
  );
  if (pages.error !== undefined && !pages.data)
    return <ErrorState error={pages.error} onRetry={pages.reload} />;
  if (!pages.data) return <Loading />;
  const items = pages.data.flatMap((p) => p.items);
  const last = pages.data.at(-1)?.items;
  return (
    <section className="card" aria-labelledby="org-history-title">
      <h2 id="org-history-title">{ot('tab.history')}</h2>
      {items.length === 0 && <p className="muted">{ot('history.none')}</p>}
      <ul className="plain-list org-history">
        {items.map((v) => (
          <HistoryEntry key={v.version} entry={v} index={index} />
        ))}
      </ul>
      {last && last.length >= 50 && (
        <button type="button" className="btn" onClick={() => setBefore((b) => [...b, last.at(-1)!.version])}>
          {ot('history.more')}
        </button>
      )}
    </section>
  );
}

function OpList({ ops, index }: { ops: DirectoryOp[]; index: OrgIndex }) {
  const { locale } = useOrgText();
  return (
    <ol className="org-ops">
      {ops.map((op, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the operations are a fixed list in order
        <li key={i}>{describeOp(op, index, locale, ops)}</li>
      ))}
    </ol>
  );
}

function HistoryEntry({ entry, index }: { entry: DirectoryVersion; index: OrgIndex }) {
  const { ot, locale } = useOrgText();
  const [open, setOpen] = useState(false);
  const detail = useAsync(
    () => (open ? organisationApi.version(entry.version) : Promise.resolve(undefined)),
    `${entry.version}:${open}`,
  );
  return (
    <li data-version={entry.version}>
      <div className="org-row">
        <span>
          <strong>
            {ot('history.entry', {
              version: entry.version,
              when: formatDateTime(locale, entry.changedAt),
              who: entry.changedBy ? personName(index, entry.changedBy, locale) : ot('system'),
            })}
          </strong>{' '}
          <span className="tag">{ot(`source.${entry.source}`)}</span>{' '}
          <span className="muted">{ot('history.ops', { count: entry.opCount })}</span>
          {entry.comment && <span className="muted"> · {entry.comment}</span>}
        </span>
        <button
          type="button"
          className="btn btn-small btn-quiet"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {ot('history.show')}
        </button>
      </div>
      {open && detail.data && <OpList ops={detail.data.ops} index={index} />}
      {open && detail.error !== undefined && <ErrorState error={detail.error} />}
    </li>
  );
}
