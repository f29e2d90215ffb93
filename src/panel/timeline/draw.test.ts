import { describe, expect, it } from 'vitest';
import { drawTimeline, visibleRows, type DrawInput } from './draw';
import { fitText } from './draw-parts';
import { buildHitIndex, DEFAULT_GEOMETRY } from './hit-test';
import { buildModel } from './layout';
import { LIGHT_PALETTE } from './palette';
import { at, sampleAnalysis, sampleRecording } from './test-fixture';

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
  fillRect(x: number, y: number, w: number, h: number) {
    this.fills.push({ style: this.fillStyle, x, y, w, h });
  }
  fillText(s: string) {
    this.texts.push(s);
  }
  measureText(s: string) {
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
  quadraticCurveTo() {}
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

function draw(patch: Partial<DrawInput> = {}) {
  const ctx = new RecordingContext();
  drawTimeline(ctx as unknown as CanvasRenderingContext2D, { ...base, ...patch });
  return ctx;
}
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
    expect(draw().texts).toContain('wss://feed.example/…ve (frame 3)');
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
        'wss://chat.example/ws',
        'wss://feed.example/live (frame 3)',
        '0 s',
        '10 s',
      ]),
    );
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

describe('fitText', () => {
  const ctx = new RecordingContext() as unknown as CanvasRenderingContext2D;
  it.each([
    ['short', 100, 'short'],
    ['wss://example.com/a/long/path', 60, 'wss://…ath'],
    ['abcdef', 6, '…'],
  ])('%s in %d px → %s', (s, px, want) => {
    expect(fitText(ctx, s, px)).toBe(want);
  });
});
