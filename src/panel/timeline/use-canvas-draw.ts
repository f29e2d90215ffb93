/**
 * Draws the timeline on its canvas when what is drawn changes, not on every
 * render of the panel around it, and at most once per animation frame.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { drawTimeline, type DrawInput } from './draw';
import { readPalette, type Palette } from './palette';

/**
 * Colours come from CSS variables and the font from the computed style (the language picks the font);
 * reading either is a style recalculation, which after a table update cost more than the drawing.
 * Read once per canvas, theme and language.
 */
interface Look {
  key: string;
  palette: Palette;
  font: string;
}
const looks = new WeakMap<Element, Look>();
function lookOf(el: Element, theme: number, lang: string): Look {
  const key = `${theme}|${lang}`;
  const hit = looks.get(el);
  if (hit && hit.key === key) return hit;
  const look = { key, palette: readPalette(el), font: `11px ${getComputedStyle(el).fontFamily || 'sans-serif'}` };
  looks.set(el, look);
  return look;
}

export type CanvasDrawInput = Omit<DrawInput, 'palette' | 'font'> & { theme: number; lang: string };

/**
 * Draws in the next animation frame, once, with the newest input: one interaction often commits
 * twice (the table scrolls to a new selection, the canvas learns its size after mounting), and each
 * commit drew the whole canvas. A frame also comes after every DOM change of the task that caused
 * it, so drawing text (which brings the document's style up to date first) no longer forces a style
 * recalculation between two of them.
 */
export function useCanvasDraw(canvasRef: RefObject<HTMLCanvasElement | null>, input: CanvasDrawInput): void {
  const { model, index, view, nowMs, width, height, geometry, selected, hovered, theme, lang } = input;
  const latest = useRef(input);
  const frame = useRef(0);
  useEffect(() => {
    latest.current = input;
    if (frame.current !== 0) return; // a frame is already asked for: it draws this input
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      draw(canvasRef.current, latest.current);
    });
    // The view and geometry count by their values, not their identity (a pan or a render makes new
    // objects with the same range and offsets); the input itself is read when the frame comes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    canvasRef,
    model,
    index,
    view.startMs,
    view.endMs,
    nowMs,
    width,
    height,
    geometry.scrollY,
    selected,
    hovered,
    theme,
    lang,
  ]);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    },
    [],
  );
}

function draw(canvas: HTMLCanvasElement | null, input: CanvasDrawInput): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return; // happy-dom and some hidden frames have no 2D context.
  const { width, height, theme, lang } = input;
  const dpr = window.devicePixelRatio || 1;
  const w = Math.round(width * dpr);
  const h = Math.round(height * dpr);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const look = lookOf(canvas, theme, lang);
  drawTimeline(ctx, {
    model: input.model,
    index: input.index,
    view: input.view,
    nowMs: input.nowMs,
    width,
    height,
    geometry: input.geometry,
    selected: input.selected,
    hovered: input.hovered,
    palette: look.palette,
    font: look.font,
  });
}
