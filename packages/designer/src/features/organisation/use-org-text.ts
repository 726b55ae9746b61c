import type { Locale } from '@flowform/engine/browser';
import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { pairText } from '../../i18n/translate';
import { ORG_MESSAGES, type OrgKey } from './organisation-messages';

export type OrgText = (key: OrgKey, params?: Record<string, string | number>) => string;

/** An organisation label in `locale`, parameters filled in as plain text. */
export function orgText(locale: Locale, key: OrgKey, params?: Record<string, string | number>): string {
  return pairText(ORG_MESSAGES[key], locale, params);
}

/** The organisation screens' translator and the reader's language. */
export function useOrgText(): { ot: OrgText; locale: Locale } {
  const { locale } = useI18n();
  const ot = useCallback<OrgText>((key, params) => orgText(locale, key, params), [locale]);
  return { ot, locale };
}
