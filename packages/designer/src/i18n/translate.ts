import type { Locale } from '@flowform/engine/browser';
import { en } from './messages-en';
import { type MessageKey, zh } from './messages-zh';

/** Parameters of a message: `{name}` in the text is replaced by `params.name`. */
export type MessageParams = Record<string, string | number>;

/** The message `key` in `locale` with its parameters filled in (as plain text: React escapes it). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return fillParams(locale === 'en' ? en[key] : zh[key], params);
}

/** `{name}` in `text` replaced by `params.name` (unknown names stay as written). */
export function fillParams(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** A screen's own `[zh-CN, English]` message pair in `locale`, parameters filled in. */
export function pairText(pair: readonly [string, string], locale: Locale, params?: MessageParams): string {
  return fillParams(pair[locale === 'en' ? 1 : 0], params);
}

const STORAGE_KEY = 'flowform.locale';

/** The saved language, zh-CN unless the user chose English. */
export function savedLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): Locale {
  try {
    return storage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

/** Remembers the chosen language on this device. */
export function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

export type { MessageKey };
