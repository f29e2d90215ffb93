/**
 * Which tab the popup is about: `?tab=<id>` when given (the e2e test opens the
 * popup as a page for its test tab), else the active tab, which main.tsx asks
 * the browser for. Only the id is needed, so no "tabs" permission.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
