import { useEffect, useRef } from 'react';

/**
 * An error said beside the control that caused it (the decision buttons, an operation): announced,
 * focused and scrolled into view when it appears, so a click never seems to do nothing.
 */
export function InlineError({ text, id, focus = true }: { text?: string; id?: string; focus?: boolean }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!text || !ref.current) return;
    ref.current.scrollIntoView?.({ block: 'nearest' });
    // A refusal that names a field leaves the focus to that field
    if (focus) ref.current.focus({ preventScroll: true });
  }, [text, focus]);
  if (!text) return null;
  return (
    <p ref={ref} id={id} className="inline-error" role="alert" tabIndex={-1}>
      <span aria-hidden="true">⚠ </span>
      {text}
    </p>
  );
}

/** Focuses and scrolls to the first form field a server error names (`/amountPaid` → `#root_amountPaid`). */
export function focusField(paths: string[]): boolean {
  for (const path of paths) {
    const id = `root_${path.replace(/^\//, '').split('/').join('_')}`;
    const element = document.getElementById(id);
    if (element) {
      element.scrollIntoView?.({ block: 'center' });
      element.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}
