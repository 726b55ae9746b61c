import type { UnsupportedFieldProps } from '@rjsf/utils';

/** A field rjsf cannot render: a plain-text note (never markdown, never the raw schema). */
export function UnsupportedField({
  idSchema,
  reason,
}: UnsupportedFieldProps & { idSchema?: { $id?: string } }) {
  return (
    <p className="muted">
      ⚠ {idSchema?.$id ?? ''} {reason ?? ''}
    </p>
  );
}
