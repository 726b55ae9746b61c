/** Picks the message table for the locale, so callers never branch on language themselves. */
import type { Locale } from './form-types';
import type { MessageSpec } from './message-spec';
import { englishMessage, displayValue as englishValue } from './messages-en';
import { chineseMessage, displayValue as chineseValue } from './messages-zh';

/** The sentence for `spec` about the field whose display label is `label`, in `locale`. */
export function formatMessage(locale: Locale, label: string, spec: MessageSpec): string {
  return locale === 'en' ? englishMessage(label, spec) : chineseMessage(label, spec);
}

/** A data value (an enum option without a display name, say) as the locale shows it. */
export function displayValue(locale: Locale, value: unknown): string {
  return locale === 'en' ? englishValue(value) : chineseValue(value);
}
