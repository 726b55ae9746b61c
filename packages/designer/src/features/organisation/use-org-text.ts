import type { Locale } from '@flowform/engine/browser';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ORG_MESSAGES, type OrgKey } from './organisation-messages';

export type OrgText = (key: OrgKey, params?: Record<string, string | number>) => string;

/** An organisation label in `locale`, parameters filled in as plain text. */
export function orgText(locale: Locale, key: OrgKey, params?: Record<string, string | number>): string {
  const text: string = ORG_MESSAGES[key][locale === 'en' ? 1 : 0];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** The organisation screens' translator and the reader's language. */
export function useOrgText(): { ot: OrgText; locale: Locale } {
  const { locale } = useI18n();
  const ot = useCallback<OrgText>((key, params) => orgText(locale, key, params), [locale]);
  return { ot, locale };
}
