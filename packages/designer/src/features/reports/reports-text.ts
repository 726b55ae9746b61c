import type { Locale } from '@flowform/engine/browser';
import { pairText } from '../../i18n/translate';
import { MESSAGES, type ReportsKey } from './reports-messages';

/** A reports label in `locale`, parameters filled in as plain text. */
export function reportsText(
  locale: Locale,
  key: ReportsKey,
  params?: Record<string, string | number>,
): string {
  return pairText(MESSAGES[key], locale, params);
}

/** A duration in minutes as people say it: minutes, hours, then days. */
export function formatMinutes(locale: Locale, minutes: number): string {
  const n = (v: number) => Number(v.toFixed(v < 10 ? 1 : 0));
  if (minutes < 60) return reportsText(locale, 'minutes', { n: minutes });
  if (minutes < 48 * 60) return reportsText(locale, 'hours', { n: n(minutes / 60) });
  return reportsText(locale, 'days', { n: n(minutes / 1440) });
}
