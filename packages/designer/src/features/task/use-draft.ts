import { useEffect } from 'react';

/** What the user typed into a task before submitting. */
export interface Draft {
  data: Record<string, unknown>;
  comment: string;
}

const key = (username: string, taskId: string) => `flowform.draft.${username}.${taskId}`;

/** A saved draft for the task, if any. */
export function readDraft(username: string, taskId: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key(username, taskId));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Draft>;
    if (!parsed || typeof parsed !== 'object' || typeof parsed.data !== 'object' || !parsed.data)
      return undefined;
    return {
      data: parsed.data as Record<string, unknown>,
      comment: typeof parsed.comment === 'string' ? parsed.comment : '',
    };
  } catch {
    return undefined;
  }
}

/** Forgets the draft (after submitting, or when the user discards it). */
export function clearDraft(username: string, taskId: string): void {
  try {
    localStorage.removeItem(key(username, taskId));
  } catch {
    // nothing stored
  }
}

/**
 * Keeps the draft in localStorage as the user works (written on every change: forms are small),
 * so leaving the page and coming back restores it. Nothing is saved until the user changes something.
 */
export function useDraftAutosave(username: string, taskId: string, draft: Draft | undefined): void {
  useEffect(() => {
    if (!draft) return;
    try {
      localStorage.setItem(key(username, taskId), JSON.stringify(draft));
    } catch {
      // storage full: the draft lives only in the page
    }
  }, [username, taskId, draft]);
}
