/** One scheduled start: id, label, rule (cron or named), zone, catch-up, start data, its next five fires. */
import type { ScheduleDef } from '@flowform/engine/browser';
import { useId } from 'react';
import { useDesignerText } from '../i18n/use-designer-text';
import { CommitInput, LocalizedInput } from '../inputs/localized-input';
import { useDesigner } from '../state/designer-context';
import { FieldProblems } from './field-problems';
import { FirePreview } from './fire-preview';
import { DEFAULT_ZONE, RULE_PRESETS } from './schedule-rules';
import { StartDataEditor } from './start-data-editor';

export function ScheduleEditor({ schedule, index }: { schedule: ScheduleDef; index: number }) {
  const { modeling } = useDesigner();
  const { dt } = useDesignerText();
  const uid = useId();
  const base = `/schedules/${index}`;
  const set = (change: Partial<ScheduleDef>) => modeling.setSchedule(schedule.id, { ...schedule, ...change });
  return (
    <section className="ff-schedule" aria-label={dt('schedule.item', { id: schedule.id })}>
      <header className="ff-schedule-head">
        <h3>
          <code>{schedule.id}</code>
        </h3>
        <button type="button" className="btn btn-small" onClick={() => modeling.removeSchedule(schedule.id)}>
          {dt('schedule.remove', { id: schedule.id })}
        </button>
      </header>
      <div className="ff-schedule-body">
        <div className="ff-schedule-fields">
          <CommitInput
            label={dt('schedule.id')}
            name="schedule-id"
            value={schedule.id}
            onCommit={(id) => set({ id: id.trim() })}
          />
          <FieldProblems path={`${base}/id`} />
          <LocalizedInput
            label={dt('schedule.label')}
            name="schedule-label"
            value={schedule.label}
            onCommit={(label) => set({ label: label['zh-CN'] || label.en ? label : undefined })}
          />
          <CommitInput
            label={dt('schedule.when')}
            name="schedule-when"
            value={schedule.when}
            placeholder="0 17 * * 5"
            onCommit={(when) => set({ when: when.trim() })}
          />
          <div className="ff-field">
            <label htmlFor={`${uid}-preset`}>{dt('schedule.preset')}</label>
            <select
              id={`${uid}-preset`}
              value=""
              onChange={(e) => e.target.value && set({ when: e.target.value })}
            >
              <option value="">{dt('schedule.presetPick')}</option>
              {RULE_PRESETS.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <FieldProblems path={`${base}/when`} />
          <CommitInput
            label={dt('schedule.timezone')}
            name="schedule-timezone"
            value={schedule.timezone ?? DEFAULT_ZONE}
            onCommit={(zone) =>
              set({ timezone: zone.trim() && zone.trim() !== DEFAULT_ZONE ? zone.trim() : undefined })
            }
          />
          <FieldProblems path={`${base}/timezone`} />
          <div className="ff-field">
            <label htmlFor={`${uid}-catch-up`}>{dt('schedule.catchUp')}</label>
            <select
              id={`${uid}-catch-up`}
              name="schedule-catch-up"
              value={schedule.catchUp ?? 'once'}
              onChange={(e) => set({ catchUp: e.target.value as 'once' | 'skip' })}
            >
              <option value="once">{dt('schedule.catchUp.once')}</option>
              <option value="skip">{dt('schedule.catchUp.skip')}</option>
            </select>
          </div>
          <StartDataEditor start={schedule.start} base={base} onChange={(start) => set({ start })} />
        </div>
        <FirePreview schedule={schedule} id={schedule.id} />
      </div>
    </section>
  );
}
