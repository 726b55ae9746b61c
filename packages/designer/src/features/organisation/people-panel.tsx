import { roleLabel } from '@flowform/engine/browser';
import { useState } from 'react';
import { unitName } from './describe-op';
import { type OrgIndex, searchPeople } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { PersonForm } from './person-form';
import { useOrgText } from './use-org-text';

/** Everyone, searchable by name, username or phone; one person (or a new one) open in the form. */
export function PeoplePanel({ index, propose }: { index: OrgIndex; propose: (ops: DirectoryOp[]) => void }) {
  const { ot, locale } = useOrgText();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | 'new' | undefined>();
  const hits = searchPeople(index.org.people, query);
  const shown = hits.slice(0, 200);
  return (
    <div className="org-split">
      <section className="org-list" aria-label={ot('tab.people')}>
        <div className="org-actions">
          <input
            type="search"
            name="people-search"
            className="org-search"
            aria-label={ot('people.search')}
            placeholder={ot('people.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <button type="button" className="btn btn-small" onClick={() => setOpen('new')}>
            {ot('people.add')}
          </button>
        </div>
        <p className="muted" aria-live="polite">
          {ot('people.count', { count: hits.length })}
        </p>
        {hits.length === 0 && <p className="muted">{ot('people.none')}</p>}
        <ul className="plain-list org-people">
          {shown.map((p) => {
            const first = index.rolesOf(p.username)[0];
            return (
              <li key={p.username}>
                <button
                  type="button"
                  className="org-person-row"
                  aria-current={open === p.username ? 'true' : undefined}
                  onClick={() => setOpen(p.username)}
                >
                  <strong>{p.displayName[locale] || p.username}</strong>
                  <span className="muted">
                    {p.username}
                    {first
                      ? ` · ${roleLabel(first.role, locale)} · ${unitName(index, first.unit, locale)}`
                      : ''}
                  </span>
                  {!p.active && <span className="tag">{ot('people.left')}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </section>
      {open && (
        <PersonForm
          key={open}
          index={index}
          person={open === 'new' ? undefined : index.person(open)}
          propose={propose}
          onClose={() => setOpen(undefined)}
        />
      )}
    </div>
  );
}
