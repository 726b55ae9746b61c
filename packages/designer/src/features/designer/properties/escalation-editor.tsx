/** A task's reminders and its escalation: after how long, reminders first, then an outcome or another assignee. */
import type { UserTaskDef } from '@flowform/engine/browser';
import { useDesignerText } from '../i18n/use-designer-text';
import { DayKindSelect, DurationInput } from '../inputs/duration-input';
import { CommitInput } from '../inputs/localized-input';
import { RuleBuilder } from '../inputs/rule-builder';
import { durationText } from '../model/duration-text';
import { useDesigner } from '../state/designer-context';

export function EscalationEditor({ id, task }: { id: string; task: UserTaskDef }) {
  const { modeling } = useDesigner();
  const { dt } = useDesignerText();
  const setEscalation = (value: UserTaskDef['escalation']) =>
    modeling.setTaskProperty(id, 'escalation', value);
  const outcomeKeys = task.outcomes.map((o) => o.key);
  const escalation = task.escalation;
  return (
    <>
      <div className="ff-duration">
        <CommitInput
          label={dt('props.reminders')}
          name="task-reminders"
          value={(task.reminders ?? []).map(durationText).join(', ')}
          placeholder="P2D, P2WD"
          onCommit={(v) =>
            modeling.setTaskProperty(
              id,
              'reminders',
              v.trim() ? v.split(/[,，\s]+/).filter(Boolean) : undefined,
            )
          }
        />
        <DayKindSelect
          name="task-reminders-kind"
          specs={task.reminders ?? []}
          onChange={(next) => modeling.setTaskProperty(id, 'reminders', next)}
        />
      </div>
      <fieldset className="ff-group-fields">
        <legend>{dt('props.escalation')}</legend>
        <DurationInput
          label={dt('props.escalationAfter')}
          name="escalation-after"
          value={escalation?.after}
          placeholder="P5D / P5WD"
          onText={(after) => setEscalation(after.trim() ? { ...escalation, after: after.trim() } : undefined)}
          onSpec={(after) => escalation && setEscalation({ ...escalation, after })}
        />
        {escalation && (
          <>
            <CommitInput
              label={dt('props.escalationRemind')}
              type="number"
              value={String(escalation.remind ?? '')}
              onCommit={(n) => setEscalation({ ...escalation, remind: n ? Number(n) : undefined })}
            />
            <div className="ff-field">
              <label htmlFor={`esc-${id}`}>{dt('props.escalationOutcome')}</label>
              <select
                id={`esc-${id}`}
                value={escalation.sendOutcome ?? ''}
                onChange={(e) => setEscalation({ ...escalation, sendOutcome: e.target.value || undefined })}
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
              value={escalation.reassignTo}
              onChange={(r) => setEscalation({ ...escalation, reassignTo: r })}
            />
          </>
        )}
      </fieldset>
    </>
  );
}
