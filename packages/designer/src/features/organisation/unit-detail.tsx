import { roleLabel, UNIT_KIND_LABELS } from '@flowform/engine/browser';
import { useEffect, useRef, useState } from 'react';
import { personName, unitName } from './describe-op';
import type { Contract, OrgIndex, OrgUnit } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { AddUnitForm, ContractForm, HEAD_ROLE, MemberForm, RenameUnitForm } from './unit-forms';
import { useOrgText } from './use-org-text';

type Open =
  | { form: 'child' | 'rename' | 'member' | 'contract' }
  | { form: 'holder'; role: string }
  | undefined;

/**
 * One unit: kind, place in the tree, its members grouped by role (the post's holder changes with
 * one action), its 承包 contracts both ways, and the edits, each proposed for preview.
 */
export function UnitDetail({
  index,
  unit,
  propose,
}: {
  index: OrgIndex;
  unit: OrgUnit;
  propose: (ops: DirectoryOp[]) => void;
}) {
  const { ot, locale } = useOrgText();
  const [open, setOpen] = useState<Open>();
  const section = useRef<HTMLElement>(null);
  // on a phone the detail sits below the tree: bring it into view when a unit is chosen
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 759px)').matches)
      section.current?.scrollIntoView({ block: 'start' });
  }, []);
  const members = index.membersOf(unit.id);
  const headRole = HEAD_ROLE[unit.kind];
  const roles = [...new Set([...(headRole ? [headRole] : []), ...members.map((m) => m.role)])];
  const close = () => setOpen(undefined);
  const proposeAndClose = (ops: DirectoryOp[]) => {
    propose(ops);
    close();
  };
  const contractor = (c: Contract) =>
    'user' in c.contractor
      ? personName(index, c.contractor.user, locale)
      : unitName(index, c.contractor.unit, locale);
  return (
    <section className="card org-unit" aria-labelledby="org-unit-title" ref={section}>
      <h2 id="org-unit-title">{unit.name[locale] || unit.id}</h2>
      <dl className="facts">
        <dt>{ot('unit.kind')}</dt>
        <dd>{UNIT_KIND_LABELS[unit.kind][locale]}</dd>
        <dt>{ot('unit.id')}</dt>
        <dd>
          <code>{unit.id}</code>
        </dd>
        <dt>{ot('unit.parent')}</dt>
        <dd>
          {index
            .path(unit.id)
            .slice(0, -1)
            .map((u) => u.name[locale] || u.id)
            .join(' / ') || '—'}
        </dd>
      </dl>
      <div className="org-actions">
        <button type="button" className="btn btn-small" onClick={() => setOpen({ form: 'child' })}>
          {ot('unit.addChild')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setOpen({ form: 'rename' })}>
          {ot('unit.rename')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() => propose([{ op: 'removeUnit', id: unit.id }])}
        >
          {ot('unit.remove')}
        </button>
      </div>
      {open?.form === 'child' && (
        <AddUnitForm index={index} parent={unit} propose={proposeAndClose} onCancel={close} />
      )}
      {open?.form === 'rename' && <RenameUnitForm unit={unit} propose={proposeAndClose} onCancel={close} />}

      <h3>{ot('unit.members')}</h3>
      {roles.length === 0 && <p className="muted">{ot('unit.noMembers')}</p>}
      <ul className="plain-list org-roles">
        {roles.map((role) => {
          const holders = members.filter((m) => m.role === role);
          return (
            <li key={role} data-role={role}>
              <div className="org-role-head">
                <strong>{roleLabel(role, locale)}</strong>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={ot('unit.setHolderOf', {
                    role: roleLabel(role, locale),
                    unit: unit.name[locale],
                  })}
                  onClick={() => setOpen({ form: 'holder', role })}
                >
                  {ot('unit.setHolder')}
                </button>
              </div>
              <ul className="chips">
                {holders.length === 0 && <li className="muted">{ot('unit.holderNone')}</li>}
                {holders.map((m) => (
                  <li key={m.username} className="chip">
                    <span className="org-chip-text">{personName(index, m.username, locale)}</span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={ot('unit.removeMember', {
                        name: personName(index, m.username, locale),
                        role: roleLabel(role, locale),
                      })}
                      onClick={() =>
                        propose([{ op: 'removeMembership', username: m.username, role, unit: unit.id }])
                      }
                    >
                      ✕
                    </button>
                  </li>
                ))}
              </ul>
              {open?.form === 'holder' && open.role === role && (
                <MemberForm
                  index={index}
                  unit={unit}
                  role={role}
                  propose={proposeAndClose}
                  onCancel={close}
                />
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn btn-small" onClick={() => setOpen({ form: 'member' })}>
        {ot('unit.addMember')}
      </button>
      {open?.form === 'member' && (
        <MemberForm index={index} unit={unit} propose={proposeAndClose} onCancel={close} />
      )}

      <h3>{ot('unit.contracts')}</h3>
      <ContractList
        contracts={index.contractorsOf(unit.id)}
        text={(c) => ot('unit.contractedBy', { who: contractor(c) })}
        propose={propose}
      />
      <ContractList
        contracts={index.contractedBy({ unit: unit.id })}
        text={(c) => ot('unit.contracts.of', { what: unitName(index, c.unit, locale) })}
        propose={propose}
      />
      {index.contractorsOf(unit.id).length + index.contractedBy({ unit: unit.id }).length === 0 && (
        <p className="muted">{ot('unit.noContracts')}</p>
      )}
      <button type="button" className="btn btn-small" onClick={() => setOpen({ form: 'contract' })}>
        {ot('unit.addContract')}
      </button>
      {open?.form === 'contract' && (
        <ContractForm index={index} unit={unit} propose={proposeAndClose} onCancel={close} />
      )}
    </section>
  );
}

function ContractList({
  contracts,
  text,
  propose,
}: {
  contracts: Contract[];
  text: (c: Contract) => string;
  propose: (ops: DirectoryOp[]) => void;
}) {
  const { ot } = useOrgText();
  if (contracts.length === 0) return null;
  return (
    <ul className="plain-list">
      {contracts.map((c) => (
        <li key={`${JSON.stringify(c.contractor)}>${c.unit}`} className="org-row">
          <span>{text(c)}</span>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => propose([{ op: 'removeContract', contractor: c.contractor, unit: c.unit }])}
          >
            {ot('unit.removeContract')}
          </button>
        </li>
      ))}
    </ul>
  );
}
