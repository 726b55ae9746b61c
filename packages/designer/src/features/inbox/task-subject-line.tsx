import type { TaskSubject } from '@flowform/api';
import type { Locale } from '@flowform/engine/browser';
import { pick } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n-context';

/** A task's subject in words: the person and their unit, the unit, or the item's short text. */
export function subjectText(subject: TaskSubject, locale: Locale): string {
  if (subject.kind === 'person') {
    const name = pick(subject.name, locale, subject.username);
    return subject.unit ? `${name} · ${pick(subject.unit.name, locale, subject.unit.id)}` : name;
  }
  if (subject.kind === 'unit') return pick(subject.name, locale, subject.id);
  return pick(subject.text, locale);
}

/**
 * What one instance of a multi-instance task works on (对象：王建国 · 101 计量站), on an inbox row and
 * under a task's title: twelve scoring sheets of one leader differ by it. Nothing for other tasks.
 */
export function TaskSubjectLine({ subject, className }: { subject: TaskSubject | null; className: string }) {
  const { t, locale } = useI18n();
  if (!subject) return null;
  return <span className={className}>{t('task.subject', { subject: subjectText(subject, locale) })}</span>;
}
