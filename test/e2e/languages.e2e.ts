/**
 * Arabic and Hindi beside English: Chromium started with --lang=ar / --lang=hi
 * shows the panel (a 1008 retried at once, selected, with its verdict) and the
 * popup in that language and direction, with no English catalog text left in
 * them; the language setting then switches open views at run time.
 *
 * Screenshots of each ({panel,popup}-{ar,hi}.png) go to .demo-out/screenshots/
 * (untracked), so a test run leaves the repository as it was. With
 * CLOSELINE_UPDATE_DOCS=1 they go to docs/screenshots/ instead, the README's.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRecording } from '../../src/analysis';
import { closeEventOf, type Recording } from '../../src/protocol/recording';
import { catalogTranslator, setTranslator, type CatalogEntry } from '../../src/i18n/translate';
import { tText } from '../../src/i18n/numbers';
import { launch, type Launched } from './support/browser';
import { waitForRecording } from './support/recording';
import { startServer, type TestServer } from './support/servers';

type Catalog = Record<string, CatalogEntry>;
const root = resolve(__dirname, '../..');
const catalogOf = (lang: string): Catalog => {
  const file = join(root, 'public/_locales', lang, 'messages.json');
  if (!existsSync(file)) throw new Error(`public/_locales/${lang}/messages.json is missing`);
  return JSON.parse(readFileSync(file, 'utf8')) as Catalog;
};
const en = catalogOf('en');
const shots = join(root, process.env.CLOSELINE_UPDATE_DOCS === '1' ? 'docs/screenshots' : '.demo-out/screenshots');
const ISOLATES = /[\u2066-\u2069]/g;

/** A sentence as the views render it (lang's catalog, Intl numbers, isolates removed). */
function rendered(lang: 'en' | 'ar' | 'hi', text: { id: string; subs?: string[] }): string {
  setTranslator(catalogTranslator(catalogOf(lang)), { intlLocale: lang, isolate: lang === 'ar' });
  return tText(text).replace(ISOLATES, '');
}

/**
 * English catalog messages a view must not show in another language: those whose translation
 * differs, as whole-text patterns ($n and $NAME$ match anything), with at least four letters of
 * their own so a bare "$1 s" cannot match every number.
 */
function englishPatterns(lang: string): { id: string; re: RegExp }[] {
  const tr = catalogOf(lang);
  return Object.entries(en)
    .filter(
      ([id, e]) =>
        tr[id] &&
        tr[id]!.message !== e.message &&
        e.message.replace(/\$[A-Za-z0-9_@]+\$|\$\d/g, '').replace(/[^A-Za-z]/g, '').length >= 4,
    )
    .map(([id, e]) => {
      const parts = e.message
        .split(/\$[A-Za-z0-9_@]+\$|\$\d/)
        .map((p) => p.replace(/\$\$/g, '$').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      return { id, re: new RegExp(`^${parts.join('[\\s\\S]*?')}$`) };
    });
}

/** Every text node and every title / aria-label / placeholder in the document, trimmed, isolates removed. */
async function visibleTexts(view: Page | Frame): Promise<string[]> {
  const texts = await view.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n.textContent ?? '');
    for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
      for (const a of ['title', 'aria-label', 'placeholder']) out.push(el.getAttribute(a) ?? '');
    }
    return out;
  });
  return texts.map((s) => s.replace(/[\u2066-\u2069]/g, '').trim()).filter(Boolean);
}

async function englishLeaks(view: Page | Frame, lang: string): Promise<string[]> {
  const patterns = englishPatterns(lang);
  const texts = await visibleTexts(view);
  // Guards against a check that passes by seeing nothing.
  if (patterns.length < 100 || texts.length < 10)
    throw new Error(`leak check too thin: ${patterns.length} patterns, ${texts.length} texts`);
  return texts.flatMap((text) => patterns.filter((p) => p.re.test(text)).map((p) => `${p.id}: "${text}"`));
}

interface Scenario {
  b: Launched;
  server: TestServer;
  rec: Recording;
}

/** A tab whose socket is refused with 1008 and retried at once (a problem), and a 1012 answered after 2 s. */
async function startScenario(lang: string): Promise<Scenario> {
  const server = await startServer();
  const b = await launch({ lang });
  const url = server.page(
    `/languages-${lang}`,
    `<!doctype html><script>
    let policyTries = 0;
    const policy = () => { const s = new WebSocket('${server.wsOrigin}/policy?token=old'); s.onclose = () => { if (++policyTries < 3) policy(); }; };
    const restart = () => { const s = new WebSocket('${server.wsOrigin}/restart'); s.onclose = () => setTimeout(restart, 2000); };
    policy();
    restart();
  </script>`,
  );
  for (let i = 0; i < 3; i++) void server.connectionTo('/policy', i).then((c) => c.ws.close(1008, 'Token rotated'));
  void server.connectionTo('/restart').then((c) => c.ws.close(1012, 'Deploy'));
  const page = await b.context.newPage();
  await page.goto(url);
  const rec = await waitForRecording(
    b.worker,
    url,
    (r) => {
      const policyClosed = r.connections.filter((c) => c.url.includes('/policy') && closeEventOf(c)).length;
      return policyClosed === 3 && r.connections.filter((c) => c.url.endsWith('/restart')).length === 2 ? r : undefined;
    },
    20_000,
  );
  return { b, server, rec };
}

async function openPanel(s: Scenario): Promise<Page> {
  const view = await s.b.context.newPage();
  await view.setViewportSize({ width: 1280, height: 760 });
  await view.goto(`chrome-extension://${s.b.extensionId}/src/panel/panel.html?tab=${s.rec.tabId}`);
  return view;
}

/** The toolbar button's tooltip for the scenario's tab, isolates removed. */
const toolbarTitle = (s: Scenario): Promise<string> =>
  s.b.worker
    .evaluate((tabId) => chrome.action.getTitle({ tabId }), s.rec.tabId)
    .then((title) => title.replace(ISOLATES, ''));

/** Selects the first 1008 the verdict calls a problem and opens its detail; returns its id. */
async function selectFirst1008(view: Page): Promise<string> {
  const row = view.locator('[data-testid="closure-row"][data-code="1008"][data-verdict="problem"]').first();
  await row.waitFor({ timeout: 15_000 });
  const id = (await row.getAttribute('data-id'))!;
  await row.click();
  await view.locator('[data-testid="detail-pane"] [data-testid="detail-verdict"]').waitFor();
  return id;
}

/** The verdict the panel shows for a closure, judged here by the same analysis. */
function verdictFor(rec: Recording, closureId: string, now: number) {
  const v = analyzeRecording(rec, { now }).verdictByClosure[closureId];
  if (!v) throw new Error(`no verdict for ${closureId}`);
  return v;
}

const rootAttrs = (view: Page) => view.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
const verdictText = async (view: Page) =>
  ((await view.locator('[data-testid="detail-verdict"]').first().textContent()) ?? '').replace(ISOLATES, '');

describe.each([
  ['ar', 'rtl'],
  ['hi', 'ltr'],
] as const)('Chromium with --lang=%s', (lang, dir) => {
  let s: Scenario;
  beforeAll(async () => {
    s = await startScenario(lang);
    mkdirSync(shots, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await s?.b.close();
    await s?.server.close();
  });

  it(`shows the panel in ${lang} (${dir}), with the 1008's verdict and no English catalog text`, async () => {
    const view = await openPanel(s);
    await expect.poll(() => rootAttrs(view)).toEqual([lang, dir]);
    const id = await selectFirst1008(view);
    const verdict = verdictFor(s.rec, id, Date.now());
    expect(verdict.rule).toBe('terminal.blind-retry');
    expect(await verdictText(view)).toContain(rendered(lang, verdict.text));
    const explanation = (await view.locator('[data-testid="detail-explanation"]').textContent()) ?? '';
    expect(explanation).toContain(rendered(lang, { id: 'code_ws_1008_name' }));
    // Cells get their tooltips while the pointer is on their row: the click left it on the 1008's, whose
    // tooltips the leak check reads with the rest.
    await expect.poll(() => view.locator(`[data-id="${id}"] [role="gridcell"][title]`).count()).toBeGreaterThan(3);
    expect(await englishLeaks(view, lang)).toEqual([]);
    // The filter box shows its whole placeholder, which says what it searches.
    const room = await view.locator('.filter-text').evaluate((el: HTMLInputElement) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = cs.font;
      const inner = el.clientWidth - parseFloat(cs.paddingInlineStart) - parseFloat(cs.paddingInlineEnd);
      return inner - ctx.measureText(el.placeholder).width;
    });
    expect(room, 'room left beside the placeholder (px)').toBeGreaterThanOrEqual(0);
    // Time keeps flowing left to right, and URLs stay left-to-right islands, whatever the direction.
    expect(await view.locator('.tl-canvas-wrap').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    expect(
      await view
        .locator('.cell-url')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('ltr');
    if (dir === 'rtl') {
      // The detail pane sits on the reading side's end: left of the table in Arabic, as DevTools mirrors it.
      const [table, detail] = await Promise.all(
        ['.closures', '[data-testid="detail-pane"]'].map((sel) => view.locator(sel).first().boundingBox()),
      );
      expect(detail!.x).toBeLessThan(table!.x);
    }
    await view.screenshot({ path: join(shots, `panel-${lang}.png`) });
    await view.close();
  });

  it(`shows the popup in ${lang} (${dir}) with no English catalog text`, async () => {
    const view = await s.b.context.newPage();
    await view.setViewportSize({ width: 380, height: 560 });
    await view.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${s.rec.tabId}`);
    const problem = view.locator('.closures .closure.level-problem').first();
    await problem.waitFor();
    expect(await rootAttrs(view)).toEqual([lang, dir]);
    expect(await view.locator('h1').textContent()).toBe(rendered(lang, { id: 'popup_heading' }));
    const sentence = ((await problem.locator('.sentence').textContent()) ?? '').replace(ISOLATES, '');
    expect(sentence).toBe(
      rendered(lang, verdictFor(s.rec, (await problem.getAttribute('data-connection'))!, Date.now()).text),
    );
    expect(await englishLeaks(view, lang)).toEqual([]);
    await view.screenshot({ path: join(shots, `popup-${lang}.png`), fullPage: true });
    await view.close();
  });

  it('switches the open panel and popup to the language chosen in the setting, keeping the selection', async () => {
    const other = lang === 'ar' ? 'hi' : 'ar';
    const panel = await openPanel(s);
    await expect.poll(() => rootAttrs(panel)).toEqual([lang, dir]);
    const id = await selectFirst1008(panel);
    const popup = await s.b.context.newPage();
    await popup.goto(`chrome-extension://${s.b.extensionId}/src/popup/popup.html?tab=${s.rec.tabId}`);
    await popup.locator('[data-testid="language"]').waitFor();
    const verdict = verdictFor(s.rec, id, Date.now());

    for (const [choice, shown, shownDir] of [
      [other, other, other === 'ar' ? 'rtl' : 'ltr'],
      ['en', 'en', 'ltr'],
      ['auto', lang, dir],
    ] as const) {
      await panel.locator('[data-testid="language"]').selectOption(choice);
      await expect.poll(() => rootAttrs(panel)).toEqual([shown, shownDir]);
      // The same closure is still selected, its verdict now in the new language.
      expect(await panel.locator('[data-testid="closure-row"].selected').getAttribute('data-id')).toBe(id);
      await expect.poll(() => verdictText(panel)).toContain(rendered(shown, verdict.text));
      // The popup, open meanwhile, follows the stored setting too.
      await expect.poll(() => rootAttrs(popup)).toEqual([shown, shownDir]);
      await expect.poll(() => popup.locator('h1').textContent()).toBe(rendered(shown, { id: 'popup_heading' }));
      if (shown !== 'en') expect(await englishLeaks(panel, shown)).toEqual([]);
      // The toolbar tooltip, drawn by the background, follows the setting too (not the browser's language).
      const worst = catalogOf(shown).badge_title_other_other!.message.split('— ')[1]!.split(':')[0]!;
      await expect.poll(() => toolbarTitle(s), { timeout: 10_000 }).toContain(worst);
    }
    await panel.close();
    await popup.close();
  });
});
