// Message content capture per site, written where the background's settings store keeps it. Each
// page's relay reads it at load and follows later changes, so a page keeps the choice for its site.

/**
 * Sets each site's choice in `map` (site → true/false); `null` removes a site's choice, back to the
 * default (on for local development hosts such as 127.0.0.1 and localhost). No effect in a browser
 * without the extension.
 */
export async function setCapture(browser, map) {
  if (!browser.worker) return;
  await browser.worker.evaluate(async (capture) => {
    const got = await chrome.storage.local.get('settings');
    const s = got.settings ?? {};
    const next = { ...(s.contentCapture ?? {}), ...capture };
    for (const [site, on] of Object.entries(capture)) if (on === null) delete next[site];
    await chrome.storage.local.set({ settings: { ...s, contentCapture: next } });
  }, map);
}
