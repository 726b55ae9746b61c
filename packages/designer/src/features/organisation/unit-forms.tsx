import { roleLabel, UNIT_KIND_LABELS, type UnitKind } from '@flowform/engine/browser';
import { type FormEvent, type ReactNode, useState } from 'react';
import { childKinds, ID_PATTERN, type OrgIndex, type OrgUnit, rolesForKind } from './org-index';
import type { DirectoryOp } from './organisation-api';
import { PersonPicker, personError } from './person-picker';
import { useOrgText } from './use-org-text';

/** The post a unit of each kind is headed by: adding such a unit may name its head at once. */
export const HEAD_ROLE: Partial<Record<UnitKind, string>> = {
  branch: 'branchSecretary',
  station: 'stationHead',
  supervisionGroup: 'disciplineLeader',
};

type Propose = (ops: DirectoryOp[]) => void;

/** A small form in a card: its title, fields, and Preview / Cancel. */
function OrgForm({
  title,
  onSubmit,
  onCancel,
  children,
  name,
}: {
  title: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
  name: string;
}) {
  const { ot } = useOrgText();
  return (
    <form
      className="org-form"
      aria-label={title}
      data-form={name}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h4>{title}</h4>
      {children}
      <div className="org-actions">
        <button type="submit" className="btn btn-primary">
          {ot('action.preview')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {ot('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function TextField({
  label,
  name,
  value,
  onChange,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        name={name}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && <span className="error-text">{error}</span>}
    </label>
  );
}

/** A new unit under `parent`: kind, id, names, and the head when the kind has one. */
export function AddUnitForm({
  index,
  parent,
  propose,
  onCancel,
}: {
  index: OrgIndex;
  parent: OrgUnit;
  propose: Propose;
  onCancel: () => void;
}) {
  const { ot, locale } = useOrgText();
  const kinds = childKinds(parent.kind);
  const [kind, setKind] = useState<UnitKind>(kinds[0] ?? 'patch');
  const [id, setId] = useState('');
  const [zh, setZh] = useState('');
  const [en, setEn] = useState('');
  const [head, setHead] = useState('');
  const [shown, setShown] = useState(false);
  const headRole = HEAD_ROLE[kind];
  const errors = {
    id: !id ? ot('field.required') : !ID_PATTERN.test(id) ? ot('field.idInvalid') : undefined,
    zh: zh.trim() ? undefined : ot('field.required'),
    head: headRole && head ? personError(index, head, ot) : undefined,
  };
  return (
    <OrgForm
      name="add-unit"
      title={ot('unit.addChild')}
      onCancel={onCancel}
      onSubmit={() => {
        setShown(true);
        if (Object.values(errors).some(Boolean)) return;
        const ops: DirectoryOp[] = [
          {
            op: 'addUnit',
            id,
            kind,
            name: { 'zh-CN': zh.trim(), en: en.trim() || zh.trim() },
            parent: parent.id,
          },
        ];
        if (headRole && head) ops.push({ op: 'setRoleHolder', role: headRole, unit: id, username: head });
        propose(ops);
      }}
    >
      <label className="field">
        <span className="field-label">{ot('unit.kind')}</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k][locale]}
            </option>
          ))}
        </select>
      </label>
      <TextField
        label={ot('unit.id')}
        name="id"
        value={id}
        onChange={setId}
        error={shown ? errors.id : undefined}
      />
      <TextField
        label={ot('unit.nameZh')}
        name="nameZh"
        value={zh}
        onChange={setZh}
        error={shown ? errors.zh : undefined}
      />
      <TextField label={ot('unit.nameEn')} name="nameEn" value={en} onChange={setEn} />
      {headRole && (
        <PersonPicker
          name="head"
          label={roleLabel(headRole, locale)}
          value={head}
          onChange={setHead}
          error={shown ? errors.head : undefined}
        />
      )}
    </OrgForm>
  );
}

/** New names for a unit. */
export function RenameUnitForm({
  unit,
  propose,
  onCancel,
}: {
  unit: OrgUnit;
  propose: Propose;
  onCancel: () => void;
}) {
  const { ot } = useOrgText();
  const [zh, setZh] = useState(unit.name['zh-CN']);
  const [en, setEn] = useState(unit.name.en);
  return (
    <OrgForm
      name="rename-unit"
      title={ot('unit.rename')}
      onCancel={onCancel}
      onSubmit={() =>
        zh.trim() && propose([{ op: 'setUnit', id: unit.id, name: { 'zh-CN': zh.trim(), en: en.trim() } }])
      }
    >
      <TextField
        label={ot('unit.nameZh')}
        name="nameZh"
        value={zh}
        onChange={setZh}
        error={zh.trim() ? undefined : ot('field.required')}
      />
      <TextField label={ot('unit.nameEn')} name="nameEn" value={en} onChange={setEn} />
    </OrgForm>
  );
}

/** A person given a role in the unit (`role` fixed: the unit's post changes hands). */
export function MemberForm({
  index,
  unit,
  role: fixedRole,
  propose,
  onCancel,
}: {
  index: OrgIndex;
  unit: OrgUnit;
  role?: string;
  propose: Propose;
  onCancel: () => void;
}) {
  const { ot, locale } = useOrgText();
  const roles = rolesForKind(unit.kind);
  const [role, setRole] = useState(fixedRole ?? roles[0] ?? 'worker');
  const [username, setUsername] = useState('');
  const [shown, setShown] = useState(false);
  const error = personError(index, username, ot);
  const title = fixedRole
    ? ot('unit.setHolderOf', { role: roleLabel(fixedRole, locale), unit: unit.name[locale] })
    : ot('unit.addMember');
  return (
    <OrgForm
      name={fixedRole ? 'set-holder' : 'add-member'}
      title={title}
      onCancel={onCancel}
      onSubmit={() => {
        setShown(true);
        if (error) return;
        propose([
          fixedRole
            ? { op: 'setRoleHolder', role, unit: unit.id, username }
            : { op: 'addMembership', role, unit: unit.id, username },
        ]);
      }}
    >
      {!fixedRole && (
        <label className="field">
          <span className="field-label">{ot('field.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r, locale)}
              </option>
            ))}
          </select>
        </label>
      )}
      <PersonPicker
        name="username"
        label={fixedRole ? ot('unit.newHolder') : ot('field.person')}
        value={username}
        onChange={setUsername}
        error={shown ? error : undefined}
      />
    </OrgForm>
  );
}

/** A contractor for the unit: a username, or a unit's id. */
export function ContractForm({
  index,
  unit,
  propose,
  onCancel,
}: {
  index: OrgIndex;
  unit: OrgUnit;
  propose: Propose;
  onCancel: () => void;
}) {
  const { ot } = useOrgText();
  const [who, setWho] = useState('');
  const [shown, setShown] = useState(false);
  const contractor = index.person(who) ? { user: who } : index.unit(who) ? { unit: who } : undefined;
  return (
    <OrgForm
      name="add-contract"
      title={ot('unit.addContract')}
      onCancel={onCancel}
      onSubmit={() => {
        setShown(true);
        if (contractor) propose([{ op: 'addContract', contractor, unit: unit.id }]);
      }}
    >
      <TextField
        label={ot('unit.contractor')}
        name="contractor"
        value={who}
        onChange={(v) => setWho(v.trim())}
        error={shown && !contractor ? (who ? ot('field.unknownPerson') : ot('field.required')) : undefined}
      />
    </OrgForm>
  );
}
