/**
 * Saves the draft on the server a moment after each edit (never the unchanged document it opened
 * with); an edit still waiting when the designer closes or the page goes away is saved at once.
 */
import { useEffect, useRef, useState } from 'react';
import { designerApi } from '../api/designer-api';
import type { DesignDoc } from '../model/design-doc';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; detail: string };

const DELAY_MS = 600;

export function useAutosave(key: string, doc: DesignDoc, locale: string): SaveStatus {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const first = useRef(doc);
  const pending = useRef<DesignDoc | undefined>(undefined);
  useEffect(() => {
    if (doc === first.current) return;
    setStatus({ kind: 'saving' });
    pending.current = doc;
    let live = true;
    const timer = setTimeout(() => {
      pending.current = undefined;
      designerApi.saveDraft(key, doc).then(
        () => live && setStatus({ kind: 'saved', at: new Date().toLocaleTimeString(locale) }),
        (error: unknown) =>
          live &&
          setStatus({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }),
      );
    }, DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, doc, locale]);
  useEffect(() => {
    const flush = () => {
      if (pending.current) void designerApi.saveDraftOnExit(key, pending.current);
      pending.current = undefined;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);
  return status;
}
