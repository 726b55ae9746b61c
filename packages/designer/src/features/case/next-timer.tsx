import type { NextTimer } from '@flowform/api';
import { formatDateTime, formatRelative, pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

const WHAT = {
  after: 'case.timer.after',
  reminder: 'case.timer.reminder',
  escalation: 'case.timer.escalation',
  due: 'case.timer.due',
} as const;

/** "下一次定时：入户走访核实 催办提醒 · 2026/12/5 16:48（2天后）": what the running case waits for next, and when. */
export function NextTimerLine({ timer }: { timer: NextTimer | null }) {
  const { t, locale } = useI18n();
  if (!timer) return null;
  const step = pick(timer.stateName, locale, timer.stateId);
  const [date, relative] = [formatDateTime(locale, timer.dueAt), formatRelative(locale, timer.dueAt)];
  const when = locale === 'en' ? `${date} (${relative})` : `${date}（${relative}）`;
  return (
    <p className="next-timer" data-kind={timer.kind}>
      <span aria-hidden="true">◷ </span>
      {t('case.timer', { what: t(WHAT[timer.kind], { step }), when })}
    </p>
  );
}
