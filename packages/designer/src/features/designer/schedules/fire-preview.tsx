/** A schedule's next five fire times, asked of the server (its working-day calendar) as the rule is edited. */
import type { ScheduleDef } from '@flowform/engine/browser';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/http';
import { designerApi } from '../api/designer-api';
import { useDesignerText } from '../i18n/use-designer-text';

type Preview = { fires: string[] } | { error: string } | undefined;

/** A fire time in the schedule's zone: 2027-01-04 周一 09:00 / 2027-01-04 Mon 09:00. */
export function fireText(iso: string, zone: string, locale: string): string {
  try {
    const parts = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(new Date(iso));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')} ${part('weekday')} ${part('hour')}:${part('minute')}`;
  } catch {
    return iso;
  }
}

export function FirePreview({ schedule, id }: { schedule: ScheduleDef; id: string }) {
  const { dt, locale } = useDesignerText();
  const [preview, setPreview] = useState<Preview>();
  const zone = schedule.timezone ?? 'Asia/Shanghai';
  useEffect(() => {
    let live = true;
    setPreview(undefined);
    const timer = setTimeout(() => {
      designerApi
        .schedulePreview({ when: schedule.when, timezone: zone })
        .then((p) => live && setPreview({ fires: p.fires }))
        .catch(
          (e: unknown) =>
            live && setPreview({ error: e instanceof ApiError ? (e.detail ?? e.title) : String(e) }),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [schedule.when, zone]);
  return (
    <div className="ff-fire-preview" aria-live="polite" data-testid={`fires-${id}`}>
      <strong>{dt('schedule.nextFires')}</strong>
      {!preview && <p className="ff-muted">{dt('schedule.loading')}</p>}
      {preview && 'error' in preview && (
        <p className="ff-problem" role="alert">
          {dt('schedule.previewFailed', { detail: preview.error })}
        </p>
      )}
      {preview && 'fires' in preview && (
        <ol className="ff-fire-list">
          {preview.fires.map((f) => (
            <li key={f}>
              <time dateTime={f}>{fireText(f, zone, locale)}</time>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
