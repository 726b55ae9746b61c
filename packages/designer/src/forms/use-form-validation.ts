import { parsePointer } from '@flowform/engine/browser';
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { LocalizedError } from './client-validator';
import type { RenderableForm } from './schema-form';
import { validateShown } from './show-if';

/** The rjsf id of the field at a JSON pointer (`/visitors/0` → `root_visitors_0`). */
export const fieldId = (path: string) => ['root', ...parsePointer(path)].join('_');

/**
 * Inline validation: errors of fields the user has left (blur) show at once, all of them after a
 * submit attempt; the server's 422 errors show beside their fields until the data changes.
 */
export function useFormValidation(form: RenderableForm | undefined, data: Record<string, unknown>) {
  const { locale } = useI18n();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ errors: LocalizedError[]; data: Record<string, unknown> }>();
  const all = useMemo(() => (form ? validateShown(form, data, locale) : []), [form, data, locale]);
  const serverErrors = server && JSON.stringify(server.data) === JSON.stringify(data) ? server.errors : [];
  const shown = [...(submitted ? all : all.filter((e) => touched.has(fieldId(e.path)))), ...serverErrors];
  return {
    errors: shown,
    /** A field lost focus: its errors may show now. */
    touch: (id: string) => setTouched((t) => (t.has(id) ? t : new Set([...t, id]))),
    /** Before sending: true when the client finds nothing; otherwise every error shows and the first field gets focus. */
    check: (): boolean => {
      setSubmitted(true);
      const first = all[0];
      if (first) document.getElementById(fieldId(first.path))?.focus();
      return all.length === 0;
    },
    /** Errors the server answered for the data as sent. */
    setServerErrors: (errors: LocalizedError[]) => setServer({ errors, data }),
    count: all.length,
  };
}
