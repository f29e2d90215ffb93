/**
 * What the panel entry reads from its surroundings: the inspected tab and the
 * theme. Pure functions over their inputs, so they are tested without DevTools.
 */
export type Theme = 'light' | 'dark';

/** The inspected tab: DevTools' own, else `?tab=<id>` (the panel opened as a plain tab in tests). */
export function resolveTabId(devtoolsTabId: number | undefined, search: string): number | null {
  if (devtoolsTabId !== undefined && Number.isInteger(devtoolsTabId)) return devtoolsTabId;
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** DevTools' theme when inside DevTools ('dark' or 'default'), else the OS preference. */
export function resolveTheme(devtoolsThemeName: string | undefined, prefersDark: boolean): Theme {
  if (devtoolsThemeName !== undefined) return devtoolsThemeName === 'dark' ? 'dark' : 'light';
  return prefersDark ? 'dark' : 'light';
}
