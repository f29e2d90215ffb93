/**
 * What an element's text looks like on screen, read from a real screenshot: whether the text's
 * colour stands out from what is painted behind it. Computed styles cannot tell: in forced colours
 * Chromium paints a backplate behind text that no style reports.
 */
import type { Locator, Page } from 'playwright-core';

export interface TextPaint {
  /** The colour covering most of the box the text takes ("r,g,b"). */
  behind: string;
  /** The text's computed colour ("r,g,b"). */
  text: string;
}

/** The colour painted most under `el`'s text (its own line boxes, not its padding), and the text's colour. */
export async function textPaint(page: Page, el: Locator): Promise<TextPaint> {
  const { box, text } = await el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    const rgb = /\d+, \d+, \d+/.exec(getComputedStyle(node).color)?.[0] ?? '';
    return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, text: rgb.replace(/ /g, '') };
  });
  const png = (await page.screenshot({ clip: box })).toString('base64');
  const behind = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.width, img.height).data;
    const counts = new Map<string, number>();
    for (let i = 0; i < data.length; i += 4) {
      const key = `${data[i]},${data[i + 1]},${data[i + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  }, png);
  return { behind, text };
}
