import './organisation.css';
import { useState } from 'react';
import { Link } from '../../state/navigation';
import { type OrgTab, paths } from '../../state/routes';
import { useMe } from '../../state/session';
import { Banner, ErrorState, Loading } from '../../ui/status-views';
import { useAsync } from '../../ui/use-async';
import { ChangeHistory } from './change-history';
import { ChangePreview } from './change-preview';
import { ImportExportPanel } from './import-export-panel';
import { indexOrganisation } from './org-index';
import { type DirectoryOp, organisationApi } from './organisation-api';
import { PeoplePanel } from './people-panel';
import { UnitsPanel } from './units-panel';
import { useOrgText } from './use-org-text';

const TABS: OrgTab[] = ['units', 'people', 'transfer', 'history'];

/**
 * The organisation administration (administrators): units, people, import and export, history.
 * Any edit becomes a proposed change, previewed by the server before it is saved.
 */
export function OrganisationPage({ tab }: { tab: OrgTab }) {
  const { ot } = useOrgText();
  const me = useMe();
  const org = useAsync(() => organisationApi.get(), 'organisation');
  const [proposal, setProposal] = useState<DirectoryOp[]>();
  const [notice, setNotice] = useState<{ kind: 'success' | 'info'; text: string }>();
  if (!me.isAdmin) return <div className="page">{ot('adminOnly')}</div>;
  if (org.error !== undefined && !org.data) return <ErrorState error={org.error} onRetry={org.reload} />;
  if (!org.data) return <Loading />;
  const index = indexOrganisation(org.data);
  const propose = (ops: DirectoryOp[]) => {
    setNotice(undefined);
    setProposal(ops);
  };
  const saved = (version: string, key: 'preview.saved' | 'transfer.applied' = 'preview.saved') => {
    setProposal(undefined);
    setNotice({ kind: 'success', text: ot(key, { version }) });
    org.reload();
  };
  return (
    <div className="page org-page">
      <div className="page-head">
        <h1>{ot('title')}</h1>
        <span className="muted">{ot('version', { version: index.org.version })}</span>
      </div>
      <p className="muted">{ot('intro')}</p>
      <nav className="tabs" aria-label={ot('title')}>
        {TABS.map((name) => (
          <Link
            key={name}
            to={paths.organisation(name)}
            className="tab"
            aria-current={tab === name ? 'page' : undefined}
          >
            {ot(`tab.${name}`)}
          </Link>
        ))}
      </nav>
      {notice && <Banner kind={notice.kind}>{notice.text}</Banner>}
      {proposal && (
        <ChangePreview
          key={`${index.org.version}:${JSON.stringify(proposal)}`}
          ops={proposal}
          index={index}
          onSaved={(version) => saved(version)}
          onCancel={() => setProposal(undefined)}
          onStale={() => {
            setNotice({ kind: 'info', text: ot('preview.stale') });
            org.reload();
          }}
        />
      )}
      {tab === 'units' && <UnitsPanel index={index} propose={propose} />}
      {tab === 'people' && <PeoplePanel index={index} propose={propose} />}
      {tab === 'transfer' && (
        <ImportExportPanel index={index} onApplied={(v) => saved(v, 'transfer.applied')} />
      )}
      {tab === 'history' && <ChangeHistory index={index} />}
    </div>
  );
}
