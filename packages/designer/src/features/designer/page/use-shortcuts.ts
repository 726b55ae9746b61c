/** Keyboard shortcuts of the process designer (not while typing in a field). */
import { useEffect } from 'react';
import { copySelection, deleteSelection, pasteClipboard, selectAll } from '../canvas/selection-actions';
import type { DesignerState } from '../state/designer-context';

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function useShortcuts(d: DesignerState, active: boolean, fit: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !e.shiftKey) d.stack.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) d.stack.redo();
      else if (mod && key === 'c') copySelection(d);
      else if (mod && key === 'v') pasteClipboard(d);
      else if (mod && key === 'a') selectAll(d);
      else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) deleteSelection(d);
      else if (!mod && key === 'f') fit();
      else if (e.key === 'Escape') d.select({ states: [], transitions: [] });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [d, active, fit]);
}
