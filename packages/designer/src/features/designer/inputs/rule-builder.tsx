/**
 * The assignment rule builder: pick how people are found (role in a unit, role in the case's unit,
 * contracting leader, initiator or their superior, an earlier performer, a field, CEL, several),
 * with pickers fed by the real directory and the rule explained in words.
 */
import { type AssignmentRule, explainRule, KNOWN_ROLES, roleLabel } from '@flowform/engine/browser';
import { pick } from '../../../i18n/format';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { stateIndex } from '../model/state-graph';
import { useDesigner } from '../state/designer-context';
import { CelEditor } from './cel-editor';
import { KINDS, starterRule } from './rule-starters';
import { SelectField } from './select-field';
import { UsersPicker } from './users-picker';

export function RuleBuilder({
  label,
  value,
  onChange,
  name,
  allowNone,
}: {
  label: string;
  value: AssignmentRule | undefined;
  onChange: (rule: AssignmentRule | undefined) => void;
  name?: string;
  allowNone?: boolean;
}) {
  const { doc, seed, directory } = useDesigner();
  const { dt, locale } = useDesignerText();
  const fields = Object.keys(doc.definition.caseSchema.properties ?? {});
  const roles = [...new Set([...KNOWN_ROLES, ...(seed?.memberships.map((m) => m.role) ?? [])])];
  const roleOptions = roles.map((r): [string, string] => [r, `${roleLabel(r, locale)} (${r})`]);
  const unitOptions = (seed?.units ?? []).map((u): [string, string] => [
    u.id,
    `${pick(u.name, locale, u.id)} (${u.id})`,
  ]);
  const userOptions = (seed?.users ?? [])
    .filter((u) => !u.disabled)
    .map((u): [string, string] => [u.username, `${pick(u.displayName, locale, u.username)} (${u.username})`]);
  const fieldOptions = fields.map((f): [string, string] => [f, f]);
  const taskStates = [...stateIndex(doc)]
    .filter(([, i]) => i.def.task)
    .map(([id, i]): [string, string] => [id, `${pick(i.def.task!.title, locale, id)} (${id})`]);
  const kindOptions: [string, string][] = [
    ...(allowNone || !value ? [['', dt('rule.none')] as [string, string]] : []),
    ...KINDS.map((k): [string, string] => [k, dt(`rule.${k}` as DesignerKey)]),
  ];
  const set = (patch: Partial<AssignmentRule>) => onChange({ ...value!, ...patch } as AssignmentRule);
  const holders = value?.kind === 'role' && directory ? directory.holders(value.role, value.unit) : undefined;
  return (
    <fieldset className="ff-rule" data-name={name}>
      <legend>{label}</legend>
      <SelectField
        label={dt('rule.kind')}
        name={name ? `${name}-kind` : undefined}
        value={value?.kind ?? ''}
        options={kindOptions}
        onChange={(k) =>
          onChange(
            k
              ? starterRule(
                  k as AssignmentRule['kind'],
                  fields,
                  unitOptions.map(([u]) => u),
                )
              : undefined,
          )
        }
      />
      {(value?.kind === 'role' || value?.kind === 'roleInCaseUnit') && (
        <SelectField
          label={dt('rule.roleName')}
          name={name ? `${name}-role` : undefined}
          value={value.role}
          options={roleOptions}
          onChange={(role) => set({ role })}
        />
      )}
      {value?.kind === 'role' && (
        <SelectField
          label={dt('rule.unit')}
          name={name ? `${name}-unit` : undefined}
          value={value.unit}
          options={unitOptions}
          onChange={(unit) => set({ unit })}
        />
      )}
      {(value?.kind === 'roleInCaseUnit' || value?.kind === 'contractingLeader') && (
        <SelectField
          label={dt('props.unitField')}
          value={value.unitField}
          options={fieldOptions}
          onChange={(unitField) => set({ unitField })}
        />
      )}
      {value?.kind === 'roleInCaseUnit' && (
        <SelectField
          label={dt('rule.up')}
          value={String(value.up ?? 0)}
          options={['0', '1', '2', '3'].map((n) => [n, n])}
          onChange={(up) =>
            onChange({ ...value, ...(Number(up) ? { up: Number(up) } : { up: undefined }) } as AssignmentRule)
          }
        />
      )}
      {value?.kind === 'performerOf' && (
        <SelectField
          label={dt('rule.state')}
          value={value.state}
          options={taskStates}
          onChange={(state) => set({ state })}
        />
      )}
      {value?.kind === 'field' && (
        <SelectField
          label={dt('rule.fieldName')}
          value={value.field}
          options={fieldOptions}
          onChange={(field) => set({ field })}
        />
      )}
      {value?.kind === 'cel' && (
        <CelEditor
          label={dt('rule.cel')}
          value={value.expr}
          expected="dyn"
          onCommit={(expr) => set({ expr })}
        />
      )}
      {value?.kind === 'users' && (
        <UsersPicker users={value.users} options={userOptions} onChange={(users) => set({ users })} />
      )}
      {value?.kind === 'anyOf' &&
        value.rules.map((rule, i) => (
          <RuleBuilder
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no identity but their place
            key={i}
            label={`${dt('rule.anyOf')} ${i + 1}`}
            value={rule}
            allowNone
            onChange={(next) =>
              set({
                rules: next
                  ? value.rules.map((r, j) => (j === i ? next : r))
                  : value.rules.filter((_, j) => j !== i),
              })
            }
          />
        ))}
      {value?.kind === 'anyOf' && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => set({ rules: [...value.rules, { kind: 'initiator' }] })}
        >
          {dt('rule.addRule')}
        </button>
      )}
      {value && (
        <p className="ff-explain">{dt('rule.explain', { text: explainRule(value, locale, directory) })}</p>
      )}
      {holders && (
        <p className="ff-muted">
          {dt('rule.resolves', {
            names: holders.map((u) => pick(directory!.user(u)?.displayName, locale, u)).join('、') || '—',
          })}
        </p>
      )}
    </fieldset>
  );
}
