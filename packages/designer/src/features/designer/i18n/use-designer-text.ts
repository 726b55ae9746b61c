import type { Locale } from '@flowform/engine/browser';
import { useCallback } from 'react';
import { useI18n } from '../../../i18n/i18n-context';
import { pairText } from '../../../i18n/translate';
import { type DesignerKey, MESSAGES } from './designer-messages';

export type DesignerText = (key: DesignerKey, params?: Record<string, string | number>) => string;

/** A designer label in `locale`, parameters filled in as plain text. */
export function designerText(
  locale: Locale,
  key: DesignerKey,
  params?: Record<string, string | number>,
): string {
  return pairText(MESSAGES[key], locale, params);
}

/** The designer's translator and the reader's language (zh-CN unless switched). */
export function useDesignerText(): { dt: DesignerText; locale: Locale } {
  const { locale } = useI18n();
  const dt = useCallback<DesignerText>((key, params) => designerText(locale, key, params), [locale]);
  return { dt, locale };
}
