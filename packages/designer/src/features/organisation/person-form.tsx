import { roleLabel } from '@flowform/engine/browser';
import { useEffect, useRef, useState } from 'react';
import { personName, unitName } from './describe-op';
import {
  ID_PATTERN,
  type Membership,
  moveRoleOps,
  type OrgIndex,
  type OrgPerson,
  personOps,
  rolesForKind,
} from './org-index';
import type { DirectoryOp } from './organisation-api';
import { useOrgText } from './use-org-text';

/** Every unit as "path / name", for choosing where a role is held. */
function UnitSelect({
  index,
  value,
  onChange,
  name,
  label,
}: {
  index: OrgIndex;
  value: string;
  onChange: (id: string) => void;
  name: string;
  label: string;
}) {
  const { locale } = useOrgText();
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {index.org.units.map((u) => (
          <option key={u.id} value={u.id}>
            {index
              .path(u.id)
              .map((p) => p.name[locale] || p.id)
              .join(' / ')}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * A person (or a new one): names, username, phone, active or left; their roles, each movable to
 * another unit or removable, and a new role in any unit. Every edit goes to the preview.
 */
export function PersonForm({
  index,
  person,
  propose,
  onClose,
}: {
  index: OrgIndex;
  person: OrgPerson | undefined;
  propose: (ops: DirectoryOp[]) => void;
  onClose: () => void;
}) {
  const { ot, locale } = useOrgText();
  const [username, setUsername] = useState(person?.username ?? '');
  const [zh, setZh] = useState(person?.displayName['zh-CN'] ?? '');
  const [en, setEn] = useState(person?.displayName.en ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [active, setActive] = useState(person?.active ?? true);
  const [shown, setShown] = useState(false);
  const section = useRef<HTMLElement>(null);
  // on a phone the form sits below the list: bring it into view when a person is opened
  useEffect(() => {
    if (window.matchMedia?.('(max-width: 759px)').matches)
      section.current?.scrollIntoView({ block: 'start' });
  }, []);
  const errors = {
    username: person
      ? undefined
      : !username
        ? ot('field.required')
        : !ID_PATTERN.test(username)
          ? ot('field.idInvalid')
          : undefined,
    zh: zh.trim() ? undefined : ot('field.required'),
  };
  function save() {
    setShown(true);
    if (errors.username || errors.zh) return;
    const ops = personOps(person, {
      username,
      displayName: { 'zh-CN': zh.trim(), en: en.trim() || zh.trim() },
      phone,
      active,
    });
    if (ops.length > 0) propose(ops);
  }
  const title = person ? personName(index, person.username, locale) : ot('person.new');
  return (
    <section className="card org-person" aria-labelledby="org-person-title" ref={section}>
      <div className="org-role-head">
        <h2 id="org-person-title">{title}</h2>
        <button type="button" className="btn btn-small btn-quiet" onClick={onClose}>
          {ot('person.close')}
        </button>
      </div>
      <form
        noValidate
        className="org-form"
        aria-label={ot('person.title')}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <label className="field">
          <span className="field-label">{ot('person.username')}</span>
          <input
            name="username"
            value={username}
            readOnly={!!person}
            autoCapitalize="none"
            spellCheck={false}
            onChange={(e) => setUsername(e.target.value.trim())}
          />
          {shown && errors.username && <span className="error-text">{errors.username}</span>}
        </label>
        <label className="field">
          <span className="field-label">{ot('person.nameZh')}</span>
          <input name="nameZh" value={zh} onChange={(e) => setZh(e.target.value)} />
          {shown && errors.zh && <span className="error-text">{errors.zh}</span>}
        </label>
        <label className="field">
          <span className="field-label">{ot('person.nameEn')}</span>
          <input name="nameEn" value={en} onChange={(e) => setEn(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{ot('person.phone')}</span>
          <input name="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
        </label>
        {person && (
          <label className="field org-check">
            <input
              type="checkbox"
              name="left"
              checked={!active}
              onChange={(e) => setActive(!e.target.checked)}
            />
            <span>{ot('person.leftLabel')}</span>
          </label>
        )}
        {person && (
          <p className="muted">
            {ot('person.superior')}: {personName(index, person.superior, locale)}
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          {ot('person.save')}
        </button>
      </form>
      {person && <PersonRoles index={index} username={person.username} propose={propose} />}
    </section>
  );
}

function PersonRoles({
  index,
  username,
  propose,
}: {
  index: OrgIndex;
  username: string;
  propose: (ops: DirectoryOp[]) => void;
}) {
  const { ot, locale } = useOrgText();
  const roles = index.rolesOf(username);
  const [role, setRole] = useState('worker');
  const [unit, setUnit] = useState(index.roots[0]?.id ?? '');
  const kind = index.unit(unit)?.kind;
  return (
    <>
      <h3>{ot('person.roles')}</h3>
      {roles.length === 0 && <p className="muted">{ot('person.noRoles')}</p>}
      <ul className="plain-list org-person-roles">
        {roles.map((m) => (
          <RoleRow key={`${m.role}@${m.unit}`} index={index} membership={m} propose={propose} />
        ))}
      </ul>
      <form
        className="org-form"
        aria-label={ot('person.addRole')}
        onSubmit={(e) => {
          e.preventDefault();
          if (unit) propose([{ op: 'addMembership', username, role, unit }]);
        }}
      >
        <h4>{ot('person.addRole')}</h4>
        <UnitSelect index={index} name="roleUnit" label={ot('field.unit')} value={unit} onChange={setUnit} />
        <label className="field">
          <span className="field-label">{ot('field.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {(kind ? rolesForKind(kind) : []).map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn">
          {ot('action.preview')}
        </button>
      </form>
    </>
  );
}

function RoleRow({
  index,
  membership: m,
  propose,
}: {
  index: OrgIndex;
  membership: Membership;
  propose: (ops: DirectoryOp[]) => void;
}) {
  const { ot, locale } = useOrgText();
  const [moving, setMoving] = useState(false);
  const [to, setTo] = useState(m.unit);
  const label = `${roleLabel(m.role, locale)} · ${unitName(index, m.unit, locale)}`;
  return (
    <li data-membership={`${m.role}@${m.unit}`}>
      <div className="org-row">
        <span>{label}</span>
        <span className="org-row-actions">
          <button type="button" className="btn btn-small" onClick={() => setMoving((v) => !v)}>
            {ot('person.move')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-label={`${ot('person.removeRole')} ${label}`}
            onClick={() =>
              propose([{ op: 'removeMembership', username: m.username, role: m.role, unit: m.unit }])
            }
          >
            {ot('person.removeRole')}
          </button>
        </span>
      </div>
      {moving && (
        <form
          className="org-form"
          aria-label={`${ot('person.move')} ${label}`}
          onSubmit={(e) => {
            e.preventDefault();
            const ops = moveRoleOps(m, to);
            if (ops.length) propose(ops);
          }}
        >
          <UnitSelect index={index} name="moveTo" label={ot('person.moveTo')} value={to} onChange={setTo} />
          <button type="submit" className="btn">
            {ot('action.preview')}
          </button>
        </form>
      )}
    </li>
  );
}
