/** The rarer task properties: reminders and escalation, voting, operations, field permissions, CC, returns. */
import type { FieldPermission, TaskOperation, UserTaskDef, VotingDef } from '@flowform/engine';
import { pick } from '../../../i18n/format';
import type { DesignerKey } from '../i18n/designer-messages';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput } from '../inputs/localized-input';
import { RuleBuilder } from '../inputs/rule-builder';
import { stateIndex } from '../model/state-graph';
import { useDesigner } from '../page/designer-context';

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
const durationText = (d: unknown) =>
  typeof d === 'string' ? d : d && typeof d === 'object' ? String((d as { cel: string }).cel) : '';

export function TaskExtras({ id, task }: { id: string; task: UserTaskDef }) {
  const { doc, run } = useDesigner();
  const { dt, locale } = useDesignerText();
  const set = (command: string, value: unknown) => run(command, { id, value });
  const form = task.form ? doc.forms[task.form] : undefined;
  const formFields = Object.keys((form?.schema.properties ?? {}) as Record<string, unknown>);
  const earlier = [...stateIndex(doc)].filter(([sid, i]) => sid !== id && i.def.task);
  const outcomeKeys = task.outcomes.map((o) => o.key);
  const voting = task.voting;
  const setVoting = (patch: Partial<VotingDef>) => set('task.setVoting', { ...voting!, ...patch });
  return (
    <>
      <CommitInput
        label={dt('props.reminders')}
        value={(task.reminders ?? []).map(durationText).join(', ')}
        placeholder="P2D"
        onCommit={(v) => set('task.setReminders', v.trim() ? v.split(/[,，\s]+/).filter(Boolean) : undefined)}
      />
      <fieldset className="ff-group-fields">
        <legend>{dt('props.escalation')}</legend>
        <CommitInput
          label={dt('props.escalationAfter')}
          name="escalation-after"
          value={durationText(task.escalation?.after)}
          placeholder="P5D"
          onCommit={(after) =>
            set('task.setEscalation', after.trim() ? { ...task.escalation, after: after.trim() } : undefined)
          }
        />
        {task.escalation && (
          <>
            <CommitInput
              label={dt('props.escalationRemind')}
              type="number"
              value={String(task.escalation.remind ?? '')}
              onCommit={(n) =>
                set('task.setEscalation', { ...task.escalation, remind: n ? Number(n) : undefined })
              }
            />
            <div className="ff-field">
              <label htmlFor={`esc-${id}`}>{dt('props.escalationOutcome')}</label>
              <select
                id={`esc-${id}`}
                value={task.escalation.sendOutcome ?? ''}
                onChange={(e) =>
                  set('task.setEscalation', { ...task.escalation, sendOutcome: e.target.value || undefined })
                }
              >
                <option value="">{dt('props.none')}</option>
                {outcomeKeys.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </div>
            <RuleBuilder
              label={dt('props.escalationReassign')}
              allowNone
              value={task.escalation.reassignTo}
              onChange={(r) => set('task.setEscalation', { ...task.escalation, reassignTo: r })}
            />
          </>
        )}
      </fieldset>
      <fieldset className="ff-group-fields">
        <legend>{dt('props.voting')}</legend>
        <div className="ff-field">
          <label htmlFor={`vote-${id}`}>{dt('rule.kind')}</label>
          <select
            id={`vote-${id}`}
            value={voting?.mode ?? ''}
            onChange={(e) =>
              set(
                'task.setVoting',
                e.target.value
                  ? {
                      rejectPolicy: 'veto',
                      approveOutcome: outcomeKeys[0],
                      rejectOutcome: outcomeKeys[1] ?? outcomeKeys[0],
                      ...voting,
                      mode: e.target.value,
                    }
                  : undefined,
              )
            }
          >
            <option value="">{dt('props.voting.none')}</option>
            {(['all', 'any', 'ratio', 'sequential'] as const).map((m) => (
              <option key={m} value={m}>
                {dt(`props.voting.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {voting?.mode === 'ratio' && (
          <CommitInput
            label={dt('props.ratio')}
            type="number"
            value={String(voting.ratio ?? 0.5)}
            onCommit={(r) => setVoting({ ratio: Number(r) })}
          />
        )}
        {voting && (
          <>
            <div className="ff-field">
              <label htmlFor={`rp-${id}`}>{dt('props.rejectPolicy')}</label>
              <select
                id={`rp-${id}`}
                value={voting.rejectPolicy}
                onChange={(e) => setVoting({ rejectPolicy: e.target.value as VotingDef['rejectPolicy'] })}
              >
                <option value="veto">{dt('props.reject.veto')}</option>
                <option value="impossible">{dt('props.reject.impossible')}</option>
              </select>
            </div>
            {(['approveOutcome', 'rejectOutcome'] as const).map((k) => (
              <div className="ff-field" key={k}>
                <label htmlFor={`${k}-${id}`}>{dt(`props.${k}`)}</label>
                <select
                  id={`${k}-${id}`}
                  value={voting[k]}
                  onChange={(e) => setVoting({ [k]: e.target.value })}
                >
                  {outcomeKeys.map((o) => (
                    <option key={o}>{o}</option>
                  ))}
                </select>
              </div>
            ))}
          </>
        )}
      </fieldset>
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
                set('task.setOperations', next.length ? next : undefined);
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
                  set('task.setFieldPermissions', Object.keys(next).length ? next : undefined);
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
      <RuleBuilder label={dt('props.cc')} allowNone value={task.cc} onChange={(r) => set('task.setCc', r)} />
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
                  set('task.setReturnTargets', next.length ? next : undefined);
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
