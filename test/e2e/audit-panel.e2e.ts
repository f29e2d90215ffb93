/**
 * The Reconnect check from the real panel in real DevTools: the same page gets
 * the same verdicts in the panel's report card as from `closeline audit`, a
 * report row opens the closure it judged, and Cancel stops a run where it is.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useBrowserAndServer } from './support/session';
import { clickInPanel, openCloselinePanel } from './support/devtools';
import { auditPages } from './support/audit-pages';
import { outDir, runCli } from './support/cli';

const s = useBrowserAndServer({ devtools: true });

async function panelFor(path: string, html: string): Promise<{ panel: Frame; url: string }> {
  const url = s.server.page(path, html);
  const page = await s.b.context.newPage();
  await page.goto(url);
  const { panel } = await openCloselinePanel(s.b.context, url, s.b.extensionId, 60_000);
  await panel.locator('[data-testid="closure-row"][data-open="true"]').first().waitFor({ timeout: 20_000 });
  await clickInPanel(panel, '[data-testid="audit-open"]');
  return { panel, url };
}

async function choose(panel: Frame, keep: string[]) {
  for (const id of ['1012', '1013', '1006', 'outage', '1008']) {
    const box = `[data-testid="audit-scenario-${id}"]`;
    if ((await panel.locator(box).isChecked()) !== keep.includes(id)) await clickInPanel(panel, box);
  }
}

describe('Reconnect check in the panel', () => {
  it(
    'shows the same verdicts as the command line for the same page, and a row opens the judged closure',
    { timeout: 180_000 },
    async () => {
      const ws = `${s.server.wsOrigin}/same-live`;
      const html = auditPages.blind1008(ws);
      const dir = outDir();
      // The command line on its own copy of the page, while the panel runs on this one.
      const cli = runCli([
        'audit',
        s.server.page('/same-cli', html),
        '--scenarios',
        '1012,1008',
        '--json',
        join(dir, 'out.json'),
      ]);
      const { panel } = await panelFor('/same-panel', html);
      await choose(panel, ['1012', '1008']);
      await clickInPanel(panel, '[data-testid="audit-start"]');
      await expect
        .poll(() => panel.locator('[data-testid="audit-progress"]').getAttribute('data-total'), { timeout: 10_000 })
        .toBe('2');
      await panel.locator('[data-testid="audit-report"]').waitFor({ timeout: 120_000 });
      const rows = panel.locator('[data-testid="audit-row"]');
      const inPanel = await rows.evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-scenario'), e.getAttribute('data-level'), e.getAttribute('data-rule')]),
      );
      expect(inPanel).toEqual([
        ['1012', 'fits', 'restart.fits'],
        ['1008', 'problem', 'terminal.blind-retry'],
      ]);
      expect(await panel.locator('[data-testid="audit-summary"]').textContent()).toBe('1 of 2 checks found a problem.');

      const result = await cli;
      expect(result.code, result.stderr).toBe(1);
      const report = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as {
        rows: { scenario: string; level: string; verdict?: { rule: string } }[];
      };
      expect(report.rows.map((r) => [r.scenario, r.level, r.verdict?.rule ?? ''])).toEqual(inPanel);

      // The 1008 row opens its closure: selected in the table, its verdict in the detail pane.
      const closureId = await rows.nth(1).getAttribute('data-closure');
      await clickInPanel(panel, '[data-testid="audit-row"][data-scenario="1008"]');
      const selected = panel.locator(`[data-testid="closure-row"][data-id="${closureId}"]`);
      await expect.poll(() => selected.getAttribute('aria-selected')).toBe('true');
      expect(await selected.getAttribute('data-code')).toBe('1008');
      expect(await panel.locator('[data-testid="detail-verdict"]').getAttribute('data-level')).toBe('problem');
    },
  );

  it('Cancel stops the run where it is and says what was done', { timeout: 120_000 }, async () => {
    const ws = `${s.server.wsOrigin}/cancel-live`;
    const { panel } = await panelFor('/cancel-panel', auditPages.fits(ws));
    // Counted before the run starts: the page reconnects 1.5 s after the 1012, which on a loaded machine
    // can come before the progress shows, and a count taken then would wait for a socket never made.
    await s.server.connectionTo('/cancel-live');
    const before = s.server.connections.filter((c) => c.path.startsWith('/cancel-live')).length;
    await clickInPanel(panel, '[data-testid="audit-start"]');
    await expect
      .poll(() => panel.locator('[data-testid="audit-progress"]').getAttribute('data-index'), { timeout: 15_000 })
      .toBe('1');
    await clickInPanel(panel, '[data-testid="audit-cancel"]');
    const text = await panel.locator('[data-testid="audit-cancelled"]').textContent({ timeout: 10_000 });
    expect(text).toMatch(
      /^Cancelled during scenario 1 of 5 \(1012\): 0 scenarios finished before it; nothing more was sent to the page/,
    );
    expect(await panel.locator('[data-testid="audit-row"]').getAttribute('data-scenario')).toBe('1012');
    // The page, left alone, reconnects by itself after its 1.5 s; no further scenario closes it.
    await s.server.connectionTo('/cancel-live', before);
    // Once the page's new socket is recorded open, a new run can start.
    await expect.poll(() => panel.locator('[data-testid="audit-start"]').isEnabled(), { timeout: 20_000 }).toBe(true);
  });
});
