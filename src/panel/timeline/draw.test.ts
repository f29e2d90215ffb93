import { describe, expect, it } from 'vitest';
import { drawTimeline, visibleRows, type DrawInput } from './draw';
import { fitPageLabel } from './draw-parts';
import { ARCS_PER_PATH, linksInRows } from './draw-links';
import { hasHidden } from '../../ui/components/page-string';
import { buildHitIndex, DEFAULT_GEOMETRY } from './hit-test';
import { buildModel } from './layout';
import { LIGHT_PALETTE } from './palette';
import { at, closed, conn, movedReconnect, recordingOf, sampleAnalysis, sampleRecording } from './test-fixture';
import { analyzeRecording } from '../../analysis';
import { catalogTranslator, setTranslator, type CatalogEntry } from '../../i18n/translate';
import englishCatalog from '../../../public/_locales/en/messages.json';

/** Records what a 2D context is asked to paint (happy-dom has no canvas). */
class RecordingContext {
  fillStyle = '';
  strokeStyle = '';
  lineWidth = 1;
  font = '';
  textAlign = 'left';
  textBaseline = 'alphabetic';
  fills: { style: string; x: number; y: number; w: number; h: number }[] = [];
  texts: string[] = [];
  strokes = 0;
  /** The horizontal scale of the canvas's transform (devicePixelRatio in the panel). */
  scale = 1;
  getTransform() {
    return { a: this.scale };
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.fills.push({ style: this.fillStyle, x, y, w, h });
  }
  /** Each text with where it starts and the font it was drawn in. */
  placed: { s: string; x: number; y: number; font: string }[] = [];
  fillText(s: string, x: number, y: number) {
    this.texts.push(s);
    this.placed.push({ s, x, y, font: this.font });
  }
  measured: string[] = [];
  measureText(s: string) {
    this.measured.push(s);
    return { width: s.length * 6 };
  }
  strokeRect() {}
  stroke() {
    this.strokes++;
  }
  save() {}
  restore() {}
  beginPath() {}
  rect() {}
  clip() {}
  moveTo() {}
  lineTo() {}
  curves = 0;
  quadraticCurveTo() {
    this.curves++;
  }
  fill() {}
  setLineDash() {}
}

const model = buildModel(sampleRecording(), sampleAnalysis());
const base: DrawInput = {
  model,
  index: buildHitIndex(model),
  view: { startMs: at(-1), endMs: at(19) },
  nowMs: at(15),
  width: 1200,
  height: 200,
  geometry: DEFAULT_GEOMETRY,
  selected: -1,
  hovered: -1,
  palette: LIGHT_PALETTE,
  font: '11px sans-serif',
};

function draw(patch: Partial<DrawInput> = {}, scale = 1) {
  const ctx = new RecordingContext();
  ctx.scale = scale;
  drawTimeline(ctx as unknown as CanvasRenderingContext2D, { ...base, ...patch });
  return ctx;
}
let lastDelayS = 10_000;
/** A delay no link of any drawing had: labels are cached by what they say, across drawings. */
const unusedDelayS = () => (lastDelayS += 1.5);
const barHeight = DEFAULT_GEOMETRY.rowHeight - 10;
const barsDrawn = (ctx: RecordingContext) =>
  ctx.fills
    .filter((f) => f.h === barHeight && Object.values(LIGHT_PALETTE.outcome).includes(f.style))
    .map((f) => f.style);

describe('drawTimeline', () => {
  it.each([
    ['everything in view', base.view, 4],
    ['only the first 4 s', { startMs: at(-1), endMs: at(4) }, 2],
    ['after everything closed, the open bar only', { startMs: at(13), endMs: at(14) }, 1],
  ])('%s: draws %#', (_name, view, count) => {
    expect(barsDrawn(draw({ view }))).toHaveLength(count);
  });
  it('truncates long lane labels in the middle', () => {
    expect(draw().texts).toContain('\u2066wss://feed.e…le/live\u2069 (frame 3)');
  });
  it('colours bars by outcome', () => {
    const o = LIGHT_PALETTE.outcome;
    expect(barsDrawn(draw()).sort()).toEqual([o.clean, o.abnormal, o.page, o.open].sort());
  });
  it('labels links, lanes, ticks and the simulated close', () => {
    const texts = draw({ geometry: { ...DEFAULT_GEOMETRY, labelWidth: 260 } }).texts;
    expect(texts).toEqual(
      expect.arrayContaining([
        '2.0 s',
        'overlapping',
        'S',
        '\u2066wss://chat.example/ws\u2069',
        '\u2066wss://feed.example/live\u2069 (frame 3)',
        '0 s',
        '10 s',
      ]),
    );
  });
  it.each([0.1, 0.5, 1, 1.9])(
    'keeps every time-axis label inside the canvas, the last tick %s s before its end included',
    (beforeEnd) => {
      const ctx = draw({ view: { startMs: at(-1), endMs: at(18 + beforeEnd) } });
      const axis = ctx.placed.filter((p) => p.y === DEFAULT_GEOMETRY.axisHeight / 2);
      expect(axis.map((p) => p.s)).toContain('18 s');
      for (const p of axis) {
        expect(p.x, p.s).toBeGreaterThanOrEqual(DEFAULT_GEOMETRY.labelWidth);
        expect(p.x + p.s.length * 6, p.s).toBeLessThanOrEqual(base.width);
      }
    },
  );
  it('draws tick labels in the words of the translator set at the time', () => {
    const ticksOf = () => draw().texts.filter((s) => /^\d+ s/.test(s));
    const before = ticksOf();
    expect(before).toContain('10 s');
    const catalog = englishCatalog as Record<string, CatalogEntry>;
    try {
      setTranslator(catalogTranslator({ ...catalog, timeline_tick_s: { message: '$1 sec' } }));
      expect(ticksOf()).toEqual(before.map((s) => s.replace(/ s$/, ' sec')));
    } finally {
      setTranslator(catalogTranslator(catalog));
    }
    expect(ticksOf()).toEqual(before);
  });
  it('strokes an arc once however many links land on its pixels, and labels every link', () => {
    const links = model.links;
    expect(links.some((l) => l.label === 'overlapping')).toBe(true);
    expect(links.some((l) => l.label !== 'overlapping')).toBe(true);
    const many = { ...model, links: [...links, ...links, ...links, ...links] };
    const once = draw();
    const four = draw({ model: many, index: buildHitIndex(many) });
    expect(four.curves).toBe(once.curves);
    expect(four.strokes).toBe(once.strokes);
    // The same labels, four times over, all drawn after the arcs.
    expect(four.texts.filter((s) => s === 'overlapping')).toHaveLength(
      4 * once.texts.filter((s) => s === 'overlapping').length,
    );
  });
  it('strokes distinct arcs a path of ARCS_PER_PATH at a time', () => {
    const solid = model.links.find((l) => l.label !== 'overlapping')!;
    const n = 2 * ARCS_PER_PATH + 5;
    // 100 ms apart: about 5 px at this width, so no two arcs share their pixels.
    const links = Array.from({ length: n }, (_, i) => ({
      ...solid,
      fromMs: solid.fromMs + i * 100,
      toMs: solid.toMs + i * 100,
    }));
    const withLinks = { ...model, links };
    const none = { ...model, links: [] };
    const ctx = draw({ model: withLinks, index: buildHitIndex(withLinks) });
    const without = draw({ model: none, index: buildHitIndex(none) });
    expect(ctx.curves - without.curves).toBe(n);
    expect(ctx.strokes - without.strokes).toBe(3);
  });
  it('tells arcs apart by device pixel: arcs on one CSS pixel are both stroked at twice the density', () => {
    const solid = model.links.find((l) => l.label !== 'overlapping')!;
    // A view of one millisecond per CSS pixel (the plot is 1,000 px wide), so ends land where chosen:
    // 100.1 and 100.4 px from the plot's start round to one CSS pixel and to two device pixels at 2x.
    const view = { startMs: at(0), endMs: at(0) + 1000 };
    const arc = (ms: number) => ({ ...solid, fromMs: view.startMs + ms, toMs: view.startMs + ms + 200 });
    const pair = { ...model, links: [arc(100.1), arc(100.4)] };
    const none = { ...model, links: [] };
    const curves = (m: typeof model, scale: number) => draw({ model: m, index: buildHitIndex(m), view }, scale).curves;
    expect(curves(pair, 1) - curves(none, 1)).toBe(1);
    expect(curves(pair, 2) - curves(none, 2)).toBe(2);
  });
  it('measures no label for an arc too short to hold any label', () => {
    const solid = model.links.find((l) => l.label !== 'overlapping')!;
    const none = { ...model, links: [] };
    // Delays no other drawing used, so the label cache cannot answer for the canvas (on a retry too).
    const short = { ...model, links: [{ ...solid, toMs: solid.fromMs + 10, delayS: unusedDelayS() }] };
    const long = { ...model, links: [{ ...solid, delayS: unusedDelayS() }] };
    const measured = (m: typeof model) => draw({ model: m, index: buildHitIndex(m) }).measured.length;
    measured(none); // lane labels are measured once, on the first drawing
    expect(measured(short)).toBe(measured(none));
    expect(measured(long)).toBe(measured(none) + 1);
  });
  it('grows the open bar to now', () => {
    const open = (nowS: number) =>
      draw({ nowMs: at(nowS) }).fills.find((f) => f.style === LIGHT_PALETTE.outcome.open && f.h === barHeight)!;
    expect(open(16).w).toBeGreaterThan(open(12).w);
  });
  it('shades the hidden period and draws the navigation line', () => {
    const fills = draw().fills;
    expect(fills.some((f) => f.style === LIGHT_PALETTE.period.hidden && f.w > 50)).toBe(true);
    expect(fills.some((f) => f.style === LIGHT_PALETTE.navigation && f.w === 2)).toBe(true);
  });
  it.each([
    [0, 200, [0, 2]],
    [20, 60, [1, 2]],
    [0, 44, [0, 1]],
  ])('visibleRows with scrollY %d and height %d', (scrollY, height, want) => {
    expect(visibleRows({ model, height, geometry: { ...DEFAULT_GEOMETRY, scrollY } })).toEqual(want);
  });
});

describe('linksInRows', () => {
  // Every link with an end in the rows, in the model's order: what drawing used to look through all links for.
  const touching = (m: typeof model, first: number, last: number) =>
    m.links.flatMap((l, i) => {
      const [a, b] = [m.bars[l.from]!.row, m.bars[l.to]!.row];
      return Math.max(a, b) >= first && Math.min(a, b) <= last ? [i] : [];
    });
  const moved = buildModel(...movedReconnect('wss://a.example/ws', 'b.example'));
  it.each([
    ['the sample', model],
    ['a reconnect to another lane', moved],
  ])('%s: the links of every range of rows', (_name, m) => {
    expect(m.links.length).toBeGreaterThan(0);
    for (let first = 0; first < m.rowCount; first++)
      for (let last = first; last < m.rowCount + 1; last++)
        expect(linksInRows(m, first, last)).toEqual(touching(m, first, last));
  });
  it('has, in the second model, a link joining two rows (a range can start below its first row)', () => {
    expect(moved.links.some((l) => moved.bars[l.from]!.row !== moved.bars[l.to]!.row)).toBe(true);
  });
});

describe('fitPageLabel', () => {
  const ctx = new RecordingContext() as unknown as CanvasRenderingContext2D;
  const frame = (endpoint: string) => `${endpoint} (frame 3)`;
  it.each([
    ['short', 100, '\u2066short\u2069'],
    ['wss://example.com/a/long/path', 60, '\u2066wss:/…th\u2069'],
    ['abcdef', 6, '\u2066…\u2069'],
  ])('%s in %d px → %j', (s, px, want) => {
    expect(fitPageLabel(ctx, s, (x) => x, px)).toBe(want);
  });
  it('cuts only the page text, keeping its isolate and the text around it whole', () => {
    expect(fitPageLabel(ctx, 'wss://example.com/a/long/path', frame, 150)).toBe('\u2066wss://ex…path\u2069 (frame 3)');
  });
});

describe('page strings on the canvas', () => {
  // A lane whose endpoint carries a right-to-left override, and a reconnect that moved to a host that does too.
  const evil = 'wss://evil.example/\u202Egnp.x';
  const [recording, analysis] = movedReconnect(evil, '\u202Eevil.example');
  const m = buildModel(recording, analysis);
  const input: DrawInput = { ...base, model: m, index: buildHitIndex(m), view: { startMs: at(-1), endMs: at(12) } };
  const wrapped = /^\u2066([^\u2066-\u2069]*)\u2069/;

  it('draws lane and link labels with page strings isolated and their controls shown', () => {
    const ctx = new RecordingContext();
    drawTimeline(ctx as unknown as CanvasRenderingContext2D, {
      ...input,
      geometry: { ...DEFAULT_GEOMETRY, labelWidth: 300 },
    });
    expect(ctx.texts).toEqual(
      expect.arrayContaining([
        '\u2066wss://evil.example/[U+202E]gnp.x\u2069',
        '\u2066wss://[U+202E]evil.example/ws\u2069',
        '7.0 s, moved to \u2066[U+202E]evil.example\u2069',
      ]),
    );
    // No drawn string holds a bidi control but the one isolate around the page's part.
    for (const s of ctx.texts)
      expect(hasHidden(s.replace(wrapped, '$1').replace(/\u2066(.*)\u2069/, '$1'), 'auto')).toBe(false);
  });

  it('measures the link label it draws, isolate included', () => {
    const ctx = new RecordingContext();
    // A font of its own: labels are cached by font, and this test must see the label measured.
    drawTimeline(ctx as unknown as CanvasRenderingContext2D, { ...input, font: '12px sans-serif' });
    const label = '7.0 s, moved to \u2066[U+202E]evil.example\u2069';
    expect(ctx.texts).toContain(label);
    expect(ctx.measured).toContain(label);
    // The label's backdrop is as wide as the measured string (plus its margin).
    expect(ctx.fills.some((f) => f.w === label.length * 6 + 4)).toBe(true);
  });

  it('cuts a long page endpoint inside its isolate', () => {
    const ctx = new RecordingContext();
    drawTimeline(ctx as unknown as CanvasRenderingContext2D, input);
    const lane = ctx.texts.find((s) => s.includes('gnp.x'))!;
    expect(lane).toMatch(wrapped);
    expect(lane).toContain('…');
  });
});

describe('drawTimeline with many bars on a pixel', () => {
  // A page retrying every 10 ms: 40 failed attempts in 0.4 s, one after the other on one row.
  const retries = recordingOf(
    Array.from({ length: 40 }, (_, i) =>
      conn(`r${i}`, 'wss://busy.example/ws', i / 100, [closed(i / 100 + 0.005, 1006)]),
    ),
  );
  const retryModel = buildModel(retries, analyzeRecording(retries, { now: at(60) }));
  const retryInput = { model: retryModel, index: buildHitIndex(retryModel), nowMs: at(60) };
  const wide = { startMs: at(-100), endMs: at(100) };

  it('draws a bar once when the bars before it land on the same device pixels in the same colours', () => {
    const drawn = barsDrawn(draw({ ...retryInput, view: wide })).length;
    // 0.4 s is about 2 px at this scale: a handful of draws, not 40.
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(5);
  });

  it('tells them apart by device pixel: twice the density draws more of them', () => {
    expect(barsDrawn(draw({ ...retryInput, view: wide }, 2)).length).toBeGreaterThan(
      barsDrawn(draw({ ...retryInput, view: wide })).length,
    );
  });

  it('draws every bar once they are a pixel or more apart', () => {
    expect(barsDrawn(draw({ ...retryInput, view: { startMs: at(-0.1), endMs: at(0.5) } }))).toHaveLength(40);
  });

  it('always draws the selected and the hovered bar, on their own pixels too', () => {
    const plain = barsDrawn(draw({ ...retryInput, view: wide })).length;
    const marked = barsDrawn(draw({ ...retryInput, view: wide, selected: 20, hovered: 21 })).length;
    expect(marked).toBeGreaterThanOrEqual(plain + 1);
  });
});
