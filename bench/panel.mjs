// Part 3: the panel with a 10,000-connection recording, delivered the way a
// user would: the panel opened as a tab, its Import button fed an exported
// file. Timings are taken in the panel page on its own clock:
// - render: the file input's change event -> the frame after the table shows
//   every closure (read, validate, analyse, build rows, render, paint);
// - filter: each keydown in the filter box -> the first animation frame after
//   React committed the filtered view, then a task after it (the frame painted);
// - select: each ArrowDown in the closures table (detail pane open) -> React
//   committed the new selection and its detail, then a frame and a task (painted);
// - timeline: wheel events that pan (shift) and zoom (ctrl) the timeline, one
//   per animation frame; the intervals between frames are the frame times.
/* global MutationObserver, requestAnimationFrame, WheelEvent -- functions below run in the browser (page.evaluate) */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageHeap } from './lib/cdp.mjs';
import { shapedRecording, syntheticRecording } from './lib/synthetic-recording.mjs';

export const PANEL_PARAMS = { connections: 10_000, query: 'h3.example/ws/13', selects: 30, wheelSteps: 120 };

/** Runs in the panel: arms the render probe before the file is chosen. */
function armRenderProbe(expected) {
  const probe = { changeAt: 0, domAt: 0, frameAt: 0 };
  window.__closelineBench = probe;
  document.addEventListener('change', () => (probe.changeAt ||= performance.now()), true);
  const total = () =>
    Number(
      (document.querySelector('.filter-count')?.textContent ?? '')
        .match(/\d[\d,]*/g)
        ?.pop()
        ?.replace(/,/g, '') ?? NaN,
    );
  const obs = new MutationObserver(() => {
    if (probe.domAt || total() !== expected || !document.querySelector('[data-testid="closure-row"]')) return;
    probe.domAt = performance.now();
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.frameAt = performance.now())));
  });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
}

/** Runs in the panel: times every keystroke in the filter box. */
function armKeyProbe() {
  const probe = { keys: [] };
  window.__closelineKeys = probe;
  let current;
  document.addEventListener(
    'keydown',
    (e) => (current = { keyAt: e.timeStamp, frameAt: 0, paintAt: 0, count: '' }),
    true,
  );
  document.addEventListener(
    'input',
    () => {
      const k = current;
      if (!k) return;
      requestAnimationFrame(() => {
        k.frameAt = performance.now();
        k.count = document.querySelector('.filter-count')?.textContent ?? '';
        setTimeout(() => ((k.paintAt = performance.now()), probe.keys.push(k)));
      });
    },
    true,
  );
}

/**
 * Runs in the panel: times each ArrowDown in the table until React committed the new selection
 * (the grid's active row changes in the same commit that renders its detail), then a frame and a
 * task (painted). Two closures can have the same detail text, so the text is no signal.
 */
function armSelectProbe() {
  const probe = { keys: [] };
  window.__closelineSelect = probe;
  const active = () => document.querySelector('.closures')?.getAttribute('aria-activedescendant') ?? '';
  document.addEventListener(
    'keydown',
    (e) => {
      const keyAt = e.timeStamp;
      const before = active();
      const check = () => {
        if (active() === before) return requestAnimationFrame(check);
        setTimeout(() => probe.keys.push({ keyAt, paintAt: performance.now() }));
      };
      requestAnimationFrame(check);
    },
    true,
  );
}

/** Runs in the panel: `steps` wheel events on the timeline (pan, then zoom), one per frame; the frame intervals. */
function wheelTimeline(steps) {
  const el = document.querySelector('.tl-canvas-wrap');
  if (!el) return Promise.reject(new Error('no timeline'));
  const r = el.getBoundingClientRect();
  const at = { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  return new Promise((resolve) => {
    const frames = [];
    let last = performance.now();
    let i = 0;
    const tick = (t) => {
      frames.push(t - last);
      last = t;
      if (i >= steps) return resolve(frames.slice(1));
      const zoom = i >= steps / 2;
      el.dispatchEvent(
        new WheelEvent('wheel', {
          ...at,
          deltaY: zoom ? (i % 2 ? 120 : -120) : 40,
          shiftKey: !zoom,
          ctrlKey: zoom,
          bubbles: true,
          cancelable: true,
        }),
      );
      i++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** The panel page as a tab with no recording (the import is its only data), ready for a file. */
async function openPanelTab(browser) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${browser.extensionId}/src/panel/panel.html?tab=999999`);
  await page.waitForSelector('[data-testid="import-input"]', { state: 'attached' });
  return page;
}

/** Imports the file through the panel's Import button; the render probe's times. */
async function importTimed(page, file) {
  await page.evaluate(armRenderProbe, PANEL_PARAMS.connections);
  await page.setInputFiles('[data-testid="import-input"]', file);
  await page.waitForFunction(() => window.__closelineBench.frameAt > 0, null, { timeout: 120_000 });
  return page.evaluate(() => window.__closelineBench);
}

/**
 * Untimed: opens the first closure's detail with a click (Enter would move focus into the pane); then
 * times PANEL_PARAMS.selects ↓ presses in the table, each to the detail painted.
 */
async function timeSelections(page) {
  await page.click('[data-testid="closure-row"]');
  await page.waitForSelector('[data-testid="detail-pane"]');
  await page.focus('.closures');
  await page.evaluate(armSelectProbe);
  for (let i = 0; i < PANEL_PARAMS.selects; i++) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction((n) => window.__closelineSelect.keys.length >= n, i + 1, { timeout: 30_000 });
  }
  return (await page.evaluate(() => window.__closelineSelect.keys)).map((k) => k.paintAt - k.keyAt);
}

async function oneRun(browser, file, log) {
  const page = await openPanelTab(browser);
  try {
    const before = await pageHeap(browser.context, page);
    const render = await importTimed(page, file);
    const heap = await pageHeap(browser.context, page);
    await page.evaluate(armKeyProbe);
    await page.focus('.filter-text');
    const keys = [...PANEL_PARAMS.query.split(''), ...PANEL_PARAMS.query.split('').map(() => 'Backspace')];
    for (let i = 0; i < keys.length; i++) {
      await page.keyboard.press(keys[i]);
      await page.waitForFunction((n) => window.__closelineKeys.keys.length >= n, i + 1, { timeout: 30_000 });
    }
    const timed = await page.evaluate(() => window.__closelineKeys.keys);
    const counts = [...new Set(timed.map((k) => k.count))];
    const selects = await timeSelections(page);
    const wheelFrames = await page.evaluate(wheelTimeline, PANEL_PARAMS.wheelSteps);
    log(
      `  render ${Math.round(render.frameAt - render.changeAt)} ms, heap ${(heap / 1048576).toFixed(1)} MiB, keystrokes ${timed.length} (views: ${counts.slice(0, 4).join(' | ')}${counts.length > 4 ? ' | …' : ''}), ${selects.length} selections, ${wheelFrames.length} timeline frames`,
    );
    return {
      renderMs: render.frameAt - render.changeAt,
      domMs: render.domAt - render.changeAt,
      heapMiB: heap / 1048576,
      heapBeforeMiB: before / 1048576,
      keyFrameMs: timed.map((k) => k.frameAt - k.keyAt),
      keyPaintMs: timed.map((k) => k.paintAt - k.keyAt),
      distinctViews: counts.length,
      selectPaintMs: selects,
      timelineFrameMs: wheelFrames,
    };
  } finally {
    await page.close();
  }
}

export async function runPanel({ withExt, runs, log }) {
  const recording = syntheticRecording({ connections: PANEL_PARAMS.connections });
  const text = JSON.stringify(recording);
  // A file on disk, chosen by path as a user's pick is: the browser reads it itself. Handed over as a
  // buffer, Playwright decodes the bytes in the page (base64) before the change event, and its strings
  // and arrays are garbage on the heap the import then works on.
  const dir = mkdtempSync(join(tmpdir(), 'closeline-bench-'));
  const file = join(dir, 'closeline-bench.json');
  writeFileSync(file, text);
  try {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await oneRun(withExt, file, log));
    return { fileBytes: Buffer.byteLength(text), results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page shapes run after the main panel part (bench/lib/synthetic-recording.mjs, `shapedRecording`). */
export const SHAPES = [
  { id: 'retry-loop', label: 'one socket retrying every second (one episode of 9,999 attempts)' },
  { id: 'crowd', label: '10,000 sockets open at once on one endpoint, then dropped' },
];

/** One import of a shaped file, then the first closure's detail opened and `selects` ↓ presses timed. */
async function oneShapeRun(browser, file, log) {
  const page = await openPanelTab(browser);
  try {
    const render = await importTimed(page, file);
    const selects = await timeSelections(page);
    log(`  render ${Math.round(render.frameAt - render.changeAt)} ms, ${selects.length} selections`);
    return { renderMs: render.frameAt - render.changeAt, selectPaintMs: selects };
  } finally {
    await page.close();
  }
}

/** Each shape of SHAPES, `runs` imports each: what the main part measures, on the shapes that stress it. */
export async function runPanelShapes({ withExt, runs, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'closeline-bench-'));
  try {
    const out = [];
    for (const shape of SHAPES) {
      log(`  ${shape.id}:`);
      const file = join(dir, `${shape.id}.json`);
      writeFileSync(file, JSON.stringify(shapedRecording(shape.id, { connections: PANEL_PARAMS.connections })));
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await oneShapeRun(withExt, file, log));
      out.push({ ...shape, results });
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
