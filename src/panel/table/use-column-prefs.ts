import { useCallback, useState } from 'react';
import type { ColumnId } from '../model/sort-rows';
import { loadPrefs, savePrefs, setWidth, toggleHidden, DEFAULT_PREFS, type ColumnPrefs } from './column-prefs';

export interface ColumnPrefsState {
  prefs: ColumnPrefs;
  toggle(id: ColumnId): void;
  resize(id: ColumnId, width: number): void;
  reset(): void;
}

/** Column choices, loaded once and saved on every change so they outlive the panel. */
export function useColumnPrefs(): ColumnPrefsState {
  const [prefs, setPrefs] = useState<ColumnPrefs>(() => loadPrefs());
  const update = useCallback((f: (p: ColumnPrefs) => ColumnPrefs) => {
    setPrefs((p) => {
      const next = f(p);
      savePrefs(next);
      return next;
    });
  }, []);
  return {
    prefs,
    toggle: useCallback((id) => update((p) => toggleHidden(p, id)), [update]),
    resize: useCallback((id, width) => update((p) => setWidth(p, id, width)), [update]),
    reset: useCallback(() => update(() => DEFAULT_PREFS), [update]),
  };
}
