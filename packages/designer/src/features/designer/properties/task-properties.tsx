/** A user task's main properties: title, form, assignee, outcomes, due date; then the extras. */
import type { UserTaskDef } from '@flowform/engine/browser';
import { pick } from '../../../i18n/format';
import { useDesignerText } from '../i18n/use-designer-text';
import { DurationInput } from '../inputs/duration-input';
import { LocalizedInput } from '../inputs/localized-input';
import { RuleBuilder } from '../inputs/rule-builder';
import { uniqueKey } from '../model/design-doc';
import { useDesigner } from '../state/designer-context';
import { OutcomesEditor } from './outcomes-editor';
import { TaskExtras } from './task-extras';

export function TaskProperties({ id, task }: { id: string; task: UserTaskDef }) {
  const { doc, modeling } = useDesigner();
  const { dt, locale } = useDesignerText();
  const newForm = () => {
    const base = `${doc.definition.key}.${id
      .split('.')
      .pop()!
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')}`;
    const key = uniqueKey(base, Object.keys(doc.forms));
    modeling.addForm(key, task.title, id);
  };
  return (
    <fieldset className="ff-task">
      <legend>{dt('props.task')}</legend>
      <LocalizedInput
        label={dt('props.taskTitle')}
        name="task-title"
        value={task.title}
        onCommit={(v) => modeling.setTaskProperty(id, 'title', v)}
      />
      <div className="ff-field">
        <label htmlFor={`form-${id}`}>{dt('props.form')}</label>
        <div className="ff-row">
          <select
            id={`form-${id}`}
            value={task.form ?? ''}
            onChange={(e) => modeling.setTaskProperty(id, 'form', e.target.value || undefined)}
          >
            <option value="">{dt('props.none')}</option>
            {Object.values(doc.forms).map((f) => (
              <option key={f.key} value={f.key}>
                {pick(f.title, locale, f.key)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" onClick={newForm}>
            {dt('props.newForm')}
          </button>
        </div>
      </div>
      <RuleBuilder
        label={dt('props.assignee')}
        name="assignee"
        value={task.assignment}
        onChange={(rule) => rule && modeling.setTaskProperty(id, 'assignment', rule)}
      />
      <div className="ff-field">
        <label htmlFor={`empty-${id}`}>{dt('props.onEmpty')}</label>
        <select
          id={`empty-${id}`}
          value={typeof task.onEmpty === 'object' ? 'fallback' : (task.onEmpty ?? '')}
          onChange={(e) =>
            modeling.setTaskProperty(id, 'onEmpty', (e.target.value || undefined) as UserTaskDef['onEmpty'])
          }
        >
          <option value="">{dt('props.none')}</option>
          {(['admins', 'skip', 'error'] as const).map((p) => (
            <option key={p} value={p}>
              {dt(`props.onEmpty.${p}`)}
            </option>
          ))}
          {typeof task.onEmpty === 'object' && (
            <option value="fallback" disabled>
              {dt('props.onEmpty.fallback')}
            </option>
          )}
        </select>
      </div>
      <OutcomesEditor
        outcomes={task.outcomes}
        onChange={(next) => modeling.setTaskProperty(id, 'outcomes', next)}
      />
      <DurationInput
        label={dt('props.due')}
        name="task-due"
        value={task.due}
        placeholder="P3D / P3WD"
        onText={(v) => modeling.setTaskProperty(id, 'due', v.trim() || undefined)}
        onSpec={(spec) => modeling.setTaskProperty(id, 'due', spec)}
      />
      <p className="ff-muted">{dt('props.durationHint')}</p>
      <TaskExtras id={id} task={task} />
    </fieldset>
  );
}
