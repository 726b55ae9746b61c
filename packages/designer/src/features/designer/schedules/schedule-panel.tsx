/** The definition's scheduled starts (定时发起): list, add, edit, remove — every edit one undoable command. */
import { useDesignerText } from '../i18n/use-designer-text';
import { useDesigner } from '../state/designer-context';
import { ScheduleEditor } from './schedule-editor';

export function SchedulePanel() {
  const { doc, modeling } = useDesigner();
  const { dt } = useDesignerText();
  const schedules = doc.definition.schedules ?? [];
  return (
    <div className="ff-schedules">
      <header className="ff-schedules-head">
        <h2>{dt('schedule.title')}</h2>
        <p className="ff-muted">{dt('schedule.intro')}</p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            modeling.addSchedule({ id: 'schedule', when: 'every Friday 17:00', catchUp: 'once' })
          }
        >
          {dt('schedule.add')}
        </button>
      </header>
      {schedules.length === 0 && <p className="ff-muted">{dt('schedule.none')}</p>}
      {schedules.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an id may repeat while being edited (lint says so); the position is the schedule
        <ScheduleEditor key={`${i}-${s.id}`} schedule={s} index={i} />
      ))}
    </div>
  );
}
