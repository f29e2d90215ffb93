import { useEffect, useRef } from 'react';

export interface PanelKeys {
  /** `/`: focus the filter box. */
  focusFilter(): void;
  /** Esc: close what is open (help, then the detail); false when nothing was. */
  escape(): boolean;
}

/** Keys typed into a field are the field's own. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The panel-wide keys, like DevTools' own: `/` to the filter, Esc to close. Row keys live in the table. */
export function usePanelKeys(keys: PanelKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === '/' && !isTyping(e.target)) {
        latest.current.focusFilter();
        e.preventDefault();
      } else if (e.key === 'Escape' && !(e.target instanceof HTMLSelectElement) && latest.current.escape()) {
        e.preventDefault();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
