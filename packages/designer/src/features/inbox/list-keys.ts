import { type KeyboardEvent, useEffect } from 'react';

/** ↑/↓ and j/k move focus between the rows' links inside `list`; Home/End jump. */
export function moveFocus(event: KeyboardEvent, list: HTMLElement | null): void {
  if (!list || event.altKey || event.ctrlKey || event.metaKey) return;
  const rows = [...list.querySelectorAll<HTMLElement>('[data-row]')];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  const key = event.key;
  let next: number | undefined;
  if (key === 'ArrowDown' || key === 'j') next = Math.min(rows.length - 1, at + 1);
  else if (key === 'ArrowUp' || key === 'k') next = Math.max(0, at < 0 ? 0 : at - 1);
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = rows.length - 1;
  if (next === undefined) return;
  event.preventDefault();
  rows[next]?.focus();
}

/** "/" focuses the inbox search unless the user is typing somewhere. */
export function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const search = document.getElementById('inbox-search');
      if (!search) return;
      event.preventDefault();
      search.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
