import type { Locale, LocalizedText } from '@flowform/engine/browser';

/** Text in the reader's language (`{ 'zh-CN', en }` as the API sends it). */
export function pick(text: LocalizedText | null | undefined, locale: Locale, fallback = ''): string {
  if (!text) return fallback;
  return (locale === 'en' ? text.en : text['zh-CN']) || text['zh-CN'] || text.en || fallback;
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let found = cache.get(key) as T | undefined;
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}

const parse = (iso: string | null | undefined) => {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** 2026年3月3日 14:05 / Mar 3, 2026, 2:05 PM */
export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  return cached(
    `dt:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(d);
}

/** 2026年3月3日 / Mar 3, 2026 */
export function formatDate(locale: Locale, iso: string | null | undefined): string {
  const d = parse(iso);
  if (!d) return '';
  return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(d);
}

/** "3 天后" / "in 3 days", "2 小时前" / "2 hours ago". */
export function formatRelative(locale: Locale, iso: string | null | undefined, now = Date.now()): string {
  const d = parse(iso);
  if (!d) return '';
  const seconds = (d.getTime() - now) / 1000;
  const rtf = cached(`r:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** A plain number, grouped from five digits on: 12,345.6, but 2026 (a year is not 2,026). */
export function formatNumber(locale: Locale, value: number): string {
  return cached(
    `n:${locale}`,
    () =>
      new Intl.NumberFormat(locale, {
        maximumFractionDigits: 2,
        useGrouping: 'min2',
      } as Intl.NumberFormatOptions),
  ).format(value);
}

/** An amount in yuan: ¥5,000.00 / CN¥5,000.00 */
export function formatYuan(locale: Locale, value: number): string {
  return cached(
    `y:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }),
  ).format(value);
}

/** A list of names: 甲、乙 / A, B */
export function formatList(locale: Locale, items: string[]): string {
  return items.join(locale === 'en' ? ', ' : '、');
}
