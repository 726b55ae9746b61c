/** The rarer task properties: escalation and voting (own editors), operations, field permissions, CC, returns. */
import type { FieldPermission, TaskOperation, UserTaskDef } from '@flowform/engine/browser';
import { pick } from '../../../i18n/format';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { RuleBuilder } from '../inputs/rule-builder';
import { stateIndex } from '../model/state-graph';
import { useDesigner } from '../state/designer-context';
import { EscalationEditor } from './escalation-editor';
import { VotingEditor } from './voting-editor';

const OPERATIONS: TaskOperation[] = [
  'claim',
  'transfer',
  'delegate',
  'addSigner',
  'removeSigner',
  'return',
  'withdraw',
  'cc',
  'urge',
  'comment',
];

export function TaskExtras({ id, task }: { id: string; task: UserTaskDef }) {
  const { doc, modeling } = useDesigner();
  const { dt, locale } = useDesignerText();
  const form = task.form ? doc.forms[task.form] : undefined;
  const formFields = Object.keys((form?.schema.properties ?? {}) as Record<string, unknown>);
  const earlier = [...stateIndex(doc)].filter(([sid, i]) => sid !== id && i.def.task);
  return (
    <>
      <EscalationEditor id={id} task={task} />
      <VotingEditor id={id} task={task} />
      <fieldset className="ff-group-fields ff-checks">
        <legend>{dt('props.operations')}</legend>
        {OPERATIONS.map((op) => (
          <label key={op} className="ff-check">
            <input
              type="checkbox"
              checked={!!task.operations?.includes(op)}
              onChange={(e) => {
                const next = OPERATIONS.filter((o) =>
                  o === op ? e.target.checked : task.operations?.includes(o),
                );
                modeling.setTaskProperty(id, 'operations', next.length ? next : undefined);
              }}
            />{' '}
            {dt(`op.${op}` as DesignerKey)}
          </label>
        ))}
      </fieldset>
      {formFields.length > 0 && (
        <fieldset className="ff-group-fields">
          <legend>{dt('props.fieldPermissions')}</legend>
          {formFields.map((f) => (
            <div className="ff-field ff-inline" key={f}>
              <label htmlFor={`perm-${id}-${f}`}>{f}</label>
              <select
                id={`perm-${id}-${f}`}
                value={task.fieldPermissions?.[f] ?? 'editable'}
                onChange={(e) => {
                  const { [f]: _old, ...rest } = task.fieldPermissions ?? {};
                  const next =
                    e.target.value === 'editable'
                      ? rest
                      : { ...rest, [f]: e.target.value as FieldPermission };
                  modeling.setTaskProperty(
                    id,
                    'fieldPermissions',
                    Object.keys(next).length ? next : undefined,
                  );
                }}
              >
                {(['editable', 'readOnly', 'hidden'] as const).map((p) => (
                  <option key={p} value={p}>
                    {dt(`props.perm.${p}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      <RuleBuilder
        label={dt('props.cc')}
        allowNone
        value={task.cc}
        onChange={(r) => modeling.setTaskProperty(id, 'cc', r)}
      />
      {earlier.length > 0 && (
        <fieldset className="ff-group-fields ff-checks">
          <legend>{dt('props.returnTargets')}</legend>
          {earlier.map(([sid, info]) => (
            <label key={sid} className="ff-check">
              <input
                type="checkbox"
                checked={!!task.returnTargets?.includes(sid)}
                onChange={(e) => {
                  const next = earlier
                    .map(([s]) => s)
                    .filter((s) => (s === sid ? e.target.checked : task.returnTargets?.includes(s)));
                  modeling.setTaskProperty(id, 'returnTargets', next.length ? next : undefined);
                }}
              />{' '}
              {pick(info.def.task!.title, locale, sid)}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}
