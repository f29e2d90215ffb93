/**
 * Keeps keyboard focus in the panel when the data takes away what held it: the table turning into
 * the empty state (a reload without Preserve log, Clear from elsewhere, an eviction), or the detail
 * pane closing because its connection is gone. Without this, focus falls to <body> and a screen
 * reader starts again from the top. Focus goes where closing the detail sends it (`refocus`, the
 * panel's one place for that: the table, else the filter box).
 *
 * Runs after every render of the panel (the data changes there). A detail pane that is still shown
 * places focus itself when its own controls go (see DetailPane), so it is left alone.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

export function useFocusRescue(refocus: () => void): void {
  const last = useRef<{ el: Element; inDetail: boolean } | null>(null);
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      last.current = el?.closest('.app-main') ? { el, inDetail: !!el.closest('.detail') } : null;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);
  useLayoutEffect(() => {
    const held = last.current;
    if (!held || held.el.isConnected) return;
    last.current = null;
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    if (held.inDetail && document.querySelector('.app-main .detail')) return;
    refocus();
  });
}
