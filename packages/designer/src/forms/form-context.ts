import type { Locale } from '@flowform/engine/browser';
import type { MessageKey, MessageParams } from '../i18n/translate';

/** What the form's widgets need beyond their field: the case (for uploads) and the language. */
export interface FlowformFormContext {
  instanceId?: string;
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
}

/** The context rjsf hands widgets, typed. */
export const formContextOf = (registry: { formContext?: unknown }) =>
  registry.formContext as FlowformFormContext;
