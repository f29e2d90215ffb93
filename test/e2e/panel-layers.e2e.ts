/**
 * The closures table paints its rows into its own scroller, not into a
 * compositor layer per row. Chromium composites an element that may overlap
 * a layer painted before it (the timeline's canvas, the filter box's caret);
 * without paint containment on the table body every visible row became such
 * a layer, and each filter keystroke or selection that replaced rows waited
 * for dozens of new layers to be rastered before its frame. Not a timing:
 * the layer tree itself, read over the DevTools protocol.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module without declarations (Node runs it directly)
import { syntheticRecording } from '../../bench/lib/synthetic-recording.mjs';
import { launch, type Launched } from './support/browser';

let b: Launched;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  b = await launch();
  page = await b.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  // A tab with no recording: the import is the only data.
  await page.goto(`chrome-extension://${b.extensionId}/src/panel/panel.html?tab=999999`);
  const text = JSON.stringify(syntheticRecording({ connections: 500 }));
  await page.setInputFiles('[data-testid="import-input"]', {
    name: 'many.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.locator('[data-testid="closure-row"]').nth(20).waitFor();
  cdp = await b.context.newCDPSession(page);
  await cdp.send('DOM.enable');
}, 90_000);

afterAll(async () => {
  await b?.close();
});

interface Layer {
  layerId: string;
  backendNodeId?: number;
  width: number;
  height: number;
}

/** Runs `read` on the layer tree of the frame that shows the current DOM (layer ids hold while the domain is on). */
async function withLayers<T>(read: (layers: Layer[]) => Promise<T>): Promise<T> {
  const trees: Layer[][] = [];
  const onChange = (e: { layers?: Layer[] }) => {
    if (e.layers) trees.push(e.layers);
  };
  cdp.on('LayerTree.layerTreeDidChange', onChange);
  await cdp.send('LayerTree.enable');
  try {
    // Two frames and a task: the tree of the frame that shows the current DOM has been reported.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r)))),
    );
    await expect.poll(() => trees.length).toBeGreaterThan(0);
    return await read(trees.at(-1) ?? []);
  } finally {
    await cdp.send('LayerTree.disable');
    cdp.off('LayerTree.layerTreeDidChange', onChange);
  }
}

/** How many of the layers belong to a node inside the table body (not the body itself). */
async function insideTableBody(layers: Layer[]): Promise<number> {
  let inside = 0;
  for (const l of layers) {
    if (!l.backendNodeId) continue;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: l.backendNodeId });
    if (!object.objectId) continue;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () {
        const body = document.querySelector('.closures-body');
        return !!body && this !== body && body.contains(this);
      }`,
      returnByValue: true,
    });
    if (result.value === true) inside++;
  }
  return inside;
}

/** The layers composited only because they overlap one painted before them. */
async function overlapLayers(layers: Layer[]): Promise<Layer[]> {
  const out: Layer[] = [];
  for (const l of layers) {
    const { compositingReasonIds = [] } = await cdp.send('LayerTree.compositingReasons', { layerId: l.layerId });
    if (compositingReasonIds.some((r) => /overlap/i.test(r))) out.push(l);
  }
  return out;
}

describe('the closures table and the compositor', () => {
  it('gives no row its own layer, with the filter box focused and after a keystroke', async () => {
    // The focused box's caret is a layer of its own, painted before the rows: the case that split them.
    await page.focus('.filter-text');
    await page.keyboard.press('w');
    expect(await page.locator('[data-testid="closure-row"]').count()).toBeGreaterThan(20);
    expect(await withLayers(insideTableBody)).toBe(0);
  });

  it('makes no layer of the rest of the panel when the filter box has focus', async () => {
    await page.focus('.filter-text');
    const viewport = 1280 * 800;
    const large = (await withLayers(overlapLayers))
      .filter((l) => l.width * l.height > viewport / 4)
      .map((l) => `${l.width}x${l.height}`);
    expect(large).toEqual([]);
  });
});
