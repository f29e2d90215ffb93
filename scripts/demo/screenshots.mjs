// The demo's screenshots: the panel at the three DevTools sizes (docked bottom,
// docked right, undocked), light and dark, with the 1008 the demo retries
// blindly selected; annotated views for docs/reading-the-panel.md; the popup.
// The panel page is opened as an extension page for the demo tab, the same page
// DevTools shows, so each size is exact.

export const SIZES = [
  { id: 'bottom', width: 1280, height: 360 },
  { id: 'right', width: 480, height: 900 },
  { id: 'undocked', width: 1440, height: 900 },
];

/** Numbered markers drawn over the page, for the annotated screenshots. */
async function annotate(page, marks) {
  await page.evaluate((list) => {
    for (const [n, selector] of list) {
      const el = document.querySelector(selector);
      if (!el) throw new Error(`annotate: nothing matches ${selector}`);
      const r = el.getBoundingClientRect();
      const dot = document.createElement('div');
      dot.textContent = String(n);
      dot.setAttribute('aria-hidden', 'true');
      Object.assign(dot.style, {
        position: 'fixed',
        left: `${Math.max(0, r.left - 10)}px`,
        top: `${Math.max(0, r.top - 8)}px`,
        zIndex: 1000,
        width: '20px',
        height: '20px',
        borderRadius: '50%',
        background: '#d93025',
        color: '#fff',
        font: 'bold 12px/20px system-ui, sans-serif',
        textAlign: 'center',
        boxShadow: '0 0 0 2px #fff',
      });
      document.body.append(dot);
    }
  }, marks);
}

async function openPanel(view, base, tabId, scheme) {
  await view.emulateMedia({ colorScheme: scheme });
  await view.goto(`${base}/panel/panel.html?tab=${tabId}`);
}

async function selectProblem(view) {
  const problem = view.locator('[data-testid="closure-row"][data-verdict="problem"]').first();
  await problem.waitFor({ timeout: 15_000 });
  await problem.click();
  await view.locator('[data-testid="detail-verdict-text"]').waitFor();
}

export async function takeScreenshots(browser, tabId, dir) {
  const base = `chrome-extension://${browser.extensionId}/src`;
  const view = await browser.context.newPage();
  const written = [];
  const shot = async (name, opts = {}) => {
    await view.screenshot({ path: `${dir}/${name}`, ...opts });
    written.push(name);
  };
  for (const size of SIZES) {
    await view.setViewportSize({ width: size.width, height: size.height });
    for (const scheme of ['light', 'dark']) {
      await openPanel(view, base, tabId, scheme);
      await selectProblem(view);
      await shot(`panel-${size.id}-${scheme}.png`);
    }
  }

  // Annotated: the whole panel with its parts numbered, then help, then Simulate on an open connection.
  await view.setViewportSize({ width: 1440, height: 900 });
  await openPanel(view, base, tabId, 'light');
  await selectProblem(view);
  await annotate(view, [
    // The legend flows after the zoom buttons: its first entry, not its box, marks where it starts.
    [1, '.tl-legend > li'],
    [2, '.tl-canvas'],
    [3, '.closures-head'],
    [4, '[data-testid="detail-verdict-text"]'],
    [5, '[data-testid="detail-episode"]'],
    [6, '[data-testid="detail-explanation"]'],
    [7, '[data-testid="columns-menu"]'],
    [8, '[data-testid="help-button"]'],
  ]);
  await shot('annotated-panel.png');
  await openPanel(view, base, tabId, 'light');
  await view.getByTestId('help-button').click();
  await view.getByTestId('help-panel').waitFor();
  await shot('help.png');
  await openPanel(view, base, tabId, 'light');
  const open = view.locator('[data-testid="closure-row"][data-open="true"]').first();
  await open.waitFor({ timeout: 15_000 });
  await open.click();
  await view.locator('.simulate').waitFor();
  await annotate(view, [
    [1, '.simulate select, .simulate input'],
    [2, '.simulate .sim-actions'],
  ]);
  await shot('annotated-simulate.png');

  await view.setViewportSize({ width: 380, height: 560 });
  for (const scheme of ['light', 'dark']) {
    await view.emulateMedia({ colorScheme: scheme });
    await view.goto(`${base}/popup/popup.html?tab=${tabId}`);
    await view.locator('.groups .group').first().waitFor({ timeout: 15_000 });
    await shot(scheme === 'light' ? 'popup.png' : 'popup-dark.png', { fullPage: true });
  }
  await view.close();
  return written;
}
