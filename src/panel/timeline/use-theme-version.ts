/**
 * A number that changes when any element's data-theme changes. The canvas
 * reads its colours from CSS variables, so a theme switch must trigger a redraw.
 */
import { useEffect, useState } from 'react';

export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return;
    const mo = new MutationObserver(() => setVersion((v) => v + 1));
    mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'], subtree: true });
    return () => mo.disconnect();
  }, []);
  return version;
}
