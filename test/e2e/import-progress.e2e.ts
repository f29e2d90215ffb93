/**
 * Importing a file a user would pick. A large one takes a while (a 47 MB file of 75,000 connections: about 3 s here), most of it
 * with the panel's thread busy. The panel says which file and how large as soon as it is chosen, keeps
 * that notice painted while the browser reads the file, and replaces it with the recording; its live
 * region, there from the start, says the same to screen readers. One with a few bad entries shows the
 * rest, and says what it left out and why.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { syntheticRecording } from '../../bench/lib/synthetic-recording.mjs';
import { launch, type Launched } from './support/browser';

const CONNECTIONS = 20_000;
let b: Launched;
let dir: string;
let file: string;
let bytes: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'closeline-import-'));
  file = join(dir, 'closeline large.json');
  const text = JSON.stringify(syntheticRecording({ connections: CONNECTIONS }));
  writeFileSync(file, text);
  bytes = Buffer.byteLength(text);
  b = await launch();
}, 90_000);

afterAll(async () => {
  await b?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Seen {
  text: string;
  animations: [string, string][];
  stillThereNextFrame: boolean;
  /** The panel's live region, in the same task: whether it is the one there before, and what it says. */
  announcerKept: boolean;
  announced: string;
}

/**
 * Runs in the panel before the file is chosen: when the notice appears, what it says and how its bar
 * moves, read in the same task (the page may be busy for seconds after), and whether the next frame
 * still had it (it was painted).
 */
function watchNotice() {
  const w = window as unknown as { __seen?: Seen };
  const sel = '[data-testid="import-pending"]';
  const announcer = document.querySelector('[data-testid="panel-announcer"][role="status"]');
  const obs = new MutationObserver(() => {
    const el = document.querySelector(sel);
    if (!el || w.__seen) return;
    obs.disconnect();
    const seen: Seen = {
      text: el.textContent ?? '',
      animations: el
        .getAnimations({ subtree: true })
        .map((a) => [(a as CSSAnimation).animationName, a.playState] as [string, string]),
      stillThereNextFrame: false,
      announcerKept: announcer !== null && document.querySelector('[data-testid="panel-announcer"]') === announcer,
      announced: announcer?.textContent ?? '',
    };
    w.__seen = seen;
    requestAnimationFrame(() => (seen.stillThereNextFrame = document.querySelector(sel) !== null));
  });
  obs.observe(document.body, { childList: true, subtree: true });
}

async function openPanel(): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // A tab with no recording: the import is the only data.
  await page.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=999999`);
  await page.waitForSelector('[data-testid="import-input"]', { state: 'attached' });
  return page;
}

describe('importing a large file', () => {
  it('says which file it is importing and its size, painted, until the recording is shown', async () => {
    const page = await openPanel();
    await page.evaluate(watchNotice);
    // By path, as a user's pick: the browser reads the file itself.
    await page.setInputFiles('[data-testid="import-input"]', file);
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="closure-row"]').length > 0 &&
        (document.querySelector('.filter-count')?.textContent ?? '').replace(/\D+/g, ' ').trim().split(' ').pop() ===
          String(n),
      CONNECTIONS,
      { timeout: 60_000 },
    );
    const seen = await page.evaluate(() => (window as unknown as { __seen?: Seen }).__seen);
    expect(seen?.text).toBe(`Importing closeline large.json (${(bytes / 1048576).toFixed(1)} MB)…`);
    expect(seen?.animations).toEqual([['import-progress', 'running']]);
    expect(seen?.stillThereNextFrame).toBe(true);
    // Announced by the live region that was there before the file was chosen (screen readers announce a
    // change in a region they know; the banner, inserted with its text, is no region of its own).
    expect(seen?.announcerKept).toBe(true);
    expect(seen?.announced).toBe(seen?.text);
    // The recording replaced the notice, and the region says what is shown.
    expect(await page.locator('[data-testid="import-pending"]').count()).toBe(0);
    expect(await page.locator('[data-testid="panel-announcer"]').textContent()).toBe(
      "You are viewing an imported file, not this tab's live recording.",
    );
    await page.close();
  }, 90_000);

  it('shows the rest of a file with a few unreadable entries, and says what it left out and why', async () => {
    const rec = syntheticRecording({ connections: 50 });
    rec.connections[7].url = 42; // not text
    rec.connections[30].id = rec.connections[29].id; // an id already taken
    rec.marks.push({ type: 'lifecycle', at: rec.startedAt, frameId: 0, documentId: 'd', state: 'asleep' });
    const partly = join(dir, 'partly.json');
    writeFileSync(partly, JSON.stringify(rec));
    const page = await openPanel();
    await page.setInputFiles('[data-testid="import-input"]', partly);
    const notice = page.getByRole('alert');
    await notice.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-left-out').textContent()).toBe(
      '2 connections in this file could not be read and were left out. ' +
        '1 page event (a navigation or lifecycle mark) could not be read and was left out. ' +
        'The first: Invalid recording: $.connections[7].url must be text. ' +
        'Verdicts next to what was left out may differ from those of the whole recording.',
    );
    await page.waitForFunction(() =>
      /\b48 connections\b/.test(document.querySelector('.filter-count')?.textContent ?? ''),
    );
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByTestId('import-left-out').count()).toBe(0);
    expect(await page.locator('.filter-count').textContent()).toMatch(/\b48 connections\b/);
    await page.close();
  }, 60_000);
});
